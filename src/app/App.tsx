import { Route, Switch } from 'wouter';
import { HomePage } from './home/components/HomePage';
import { SettingsPage } from './settings/components/SettingsPage';
import { AppShell } from './shell/components/AppShell';
import { NotFoundPage } from './shell/components/NotFoundPage';

export function App() {
  return (
    <AppShell>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/settings" component={SettingsPage} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppShell>
  );
}
