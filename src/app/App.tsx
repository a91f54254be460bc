import { Route, Switch } from 'wouter';
import { CampaignEditPage } from './campaigns/components/CampaignEditPage';
import { CampaignPage } from './campaigns/components/CampaignPage';
import { CampaignsPage } from './campaigns/components/CampaignsPage';
import { CustomerEditPage } from './customers/components/CustomerEditPage';
import { CustomerPage } from './customers/components/CustomerPage';
import { CustomersPage } from './customers/components/CustomersPage';
import { HomePage } from './home/components/HomePage';
import { DuplicatesPage } from './import/components/DuplicatesPage';
import { ImportPage } from './import/components/ImportPage';
import { InsightsPage } from './insights/components/InsightsPage';
import { DealEditPage } from './pipeline/components/DealEditPage';
import { DealPage } from './pipeline/components/DealPage';
import { PipelinePage } from './pipeline/components/PipelinePage';
import { ReminderNotices } from './service/components/ReminderNotices';
import { TasksPage } from './service/components/TasksPage';
import { TicketEditPage } from './service/components/TicketEditPage';
import { TicketPage } from './service/components/TicketPage';
import { TicketsPage } from './service/components/TicketsPage';
import { StagesPage } from './pipeline/components/StagesPage';
import { SettingsPage } from './settings/components/SettingsPage';
import { NoticeBar } from './shared/components/NoticeBar';
import { AppShell } from './shell/components/AppShell';
import { NotFoundPage } from './shell/components/NotFoundPage';
import { WorkspaceProvider } from './workspace/components/WorkspaceProvider';

export function App() {
  return (
    <WorkspaceProvider>
      <AppShell>
        <Switch>
          <Route path="/" component={HomePage} />
          <Route path="/customers" component={CustomersPage} />
          <Route path="/customers/new">{() => <CustomerEditPage />}</Route>
          <Route path="/customers/:id/edit">{(params) => <CustomerEditPage id={params.id} />}</Route>
          <Route path="/customers/:id">{(params) => <CustomerPage id={params.id} />}</Route>
          <Route path="/pipeline" component={PipelinePage} />
          <Route path="/pipeline/stages" component={StagesPage} />
          <Route path="/deals/new">{() => <DealEditPage />}</Route>
          <Route path="/deals/:id/edit">{(params) => <DealEditPage id={params.id} />}</Route>
          <Route path="/deals/:id">{(params) => <DealPage id={params.id} />}</Route>
          <Route path="/tickets" component={TicketsPage} />
          <Route path="/tickets/new">{() => <TicketEditPage />}</Route>
          <Route path="/tickets/:id/edit">{(params) => <TicketEditPage id={params.id} />}</Route>
          <Route path="/tickets/:id">{(params) => <TicketPage id={params.id} />}</Route>
          <Route path="/tasks" component={TasksPage} />
          <Route path="/campaigns" component={CampaignsPage} />
          <Route path="/campaigns/new">{() => <CampaignEditPage />}</Route>
          <Route path="/campaigns/:id/edit">{(params) => <CampaignEditPage id={params.id} />}</Route>
          <Route path="/campaigns/:id">{(params) => <CampaignPage id={params.id} />}</Route>
          <Route path="/import" component={ImportPage} />
          <Route path="/import/duplicates" component={DuplicatesPage} />
          <Route path="/insights" component={InsightsPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route component={NotFoundPage} />
        </Switch>
        <NoticeBar />
        <ReminderNotices />
      </AppShell>
    </WorkspaceProvider>
  );
}
