import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isActiveStatus, type Priority } from '../../../domain/service';
import { TICKET_SORTS, ticketOrder, type ListState } from '../../../domain/views';
import { PRIORITIES, TICKET_STATUSES } from '../../../domain/work';
import { useMembers } from '../../customers/hooks/useMembers';
import { ChoiceSelect } from '../../shared/components/ChoiceSelect';
import { useCustomerRecords } from '../../shared/hooks/useCustomerRecords';
import { ColumnsMenu } from '../../views/components/ColumnsMenu';
import { ViewsMenu } from '../../views/components/ViewsMenu';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useNow } from '../hooks/useNow';
import '../service.css';
import { useServiceUi, type TicketStatusFilter } from '../state/serviceUi';
import { TicketList } from './TicketList';

const STATUS_FILTERS: readonly TicketStatusFilter[] = ['active', ...TICKET_STATUSES, 'all'];
const PRIORITY_FILTERS = ['', ...PRIORITIES] as const;

/** The team's ticket queue: filtered by status, priority and assignee, breached tickets first. */
export function TicketsPage() {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  const members = useMembers();
  const at = useNow();
  const data = useCustomerRecords('tickets');
  const { status, priority, assignee, sort, columns, setTicketFilter } = useServiceUi();
  if (!data) return null;
  const listState: ListState = { filters: { status, priority, assignee }, sort, columns };
  const handleApplyView = ({ filters, sort: order, columns: shown }: ListState) =>
    setTicketFilter({
      status: filters.status as TicketStatusFilter,
      priority: filters.priority as Priority | '',
      assignee: String(filters.assignee ?? ''),
      sort: order,
      columns: shown,
    });
  const tickets = data.records
    .filter((ticket) => (status === 'all' ? true : status === 'active' ? isActiveStatus(ticket.status) : ticket.status === status))
    .filter((ticket) => !priority || ticket.priority === priority)
    .filter((ticket) => !assignee || ticket.assigneeId === assignee)
    .sort(ticketOrder(sort, at));
  // The user first, as "Me", then the rest of the team.
  const assignees = ['', identity.memberId, ...[...members.keys()].filter((id) => id !== identity.memberId)];
  const assigneeLabel = (id: string) =>
    id === '' ? t('service.tickets.filters.anyone') : id === identity.memberId ? t('service.tickets.filters.me') : (members.get(id)?.displayName ?? id);
  return (
    <section className="page tickets-page">
      <header className="page-header">
        <div>
          <h1>{t('service.tickets.title')}</h1>
          <p className="muted">{t('service.tickets.count', { count: tickets.length })}</p>
        </div>
        <Link href="/tickets/new" className="button">
          <Plus aria-hidden="true" size={18} />
          <span>{t('service.tickets.new')}</span>
        </Link>
      </header>
      <div className="service-filters">
        <label className="field">
          <span>{t('service.tickets.filters.status')}</span>
          <ChoiceSelect
            value={status}
            options={STATUS_FILTERS}
            label={(option) => (option === 'active' || option === 'all' ? t(`service.tickets.filters.${option}`) : t(`service.tickets.statuses.${option}`))}
            onChange={(next) => setTicketFilter({ status: next })}
            testId="ticket-filter-status"
          />
        </label>
        <label className="field">
          <span>{t('service.tickets.filters.priority')}</span>
          <ChoiceSelect
            value={priority}
            options={PRIORITY_FILTERS}
            label={(option) => (option ? t(`service.tickets.priorities.${option}`) : t('service.tickets.filters.anyPriority'))}
            onChange={(next) => setTicketFilter({ priority: next })}
          />
        </label>
        <label className="field">
          <span>{t('service.tickets.filters.assignee')}</span>
          <ChoiceSelect value={assignee} options={assignees} label={assigneeLabel} onChange={(next) => setTicketFilter({ assignee: next })} />
        </label>
        <label className="field">
          <span>{t('views.ticketSort')}</span>
          <ChoiceSelect
            value={sort.key as (typeof TICKET_SORTS)[number]}
            options={TICKET_SORTS}
            label={(option) => t(`views.ticketSorts.${option}`)}
            onChange={(next) => setTicketFilter({ sort: { key: next, descending: next !== 'sla' } })}
            testId="ticket-sort"
          />
        </label>
        <div className="list-views">
          <ViewsMenu list="tickets" current={listState} onApply={handleApplyView} />
          <ColumnsMenu list="tickets" columns={columns} onChange={(next) => setTicketFilter({ columns: next })} />
        </div>
      </div>
      {tickets.length ? <TicketList tickets={tickets} customerNames={data.customerNames} at={at} columns={columns} /> : <p className="empty">{t('service.tickets.none')}</p>}
    </section>
  );
}
