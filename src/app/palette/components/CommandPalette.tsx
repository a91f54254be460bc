import { useLiveQuery } from 'dexie-react-hooks';
import { Search } from 'lucide-react';
import { useCallback, useDeferredValue, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CustomerRow } from '../../../data/db';
import type { CustomerId } from '../../../domain/ids';
import { NAVIGATION } from '../../navigation';
import { useNotices } from '../../shared/state/notices';
import { openCustomerId } from '../../shortcuts/utils/keymap';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import '../palette.css';
import { usePaletteUi } from '../state/palette';
import { matchScore, rankPalette, stepIndex, type PaletteCandidate } from '../utils/rank';
import { CustomerMatches } from './CustomerMatches';
import { ShellDialog } from './ShellDialog';

/** Deals and tickets read per query (their titles are matched while reading, so the read stops early). */
const RECORD_LIMIT = 30;

interface PaletteItem extends PaletteCandidate {
  detail?: string | undefined;
  run: () => void;
}

export function CommandPalette() {
  const open = usePaletteUi((state) => state.open);
  const close = usePaletteUi((state) => state.close);
  return open === 'palette' ? <PaletteDialog onClose={close} /> : null;
}

const optionId = (index: number) => `palette-option-${index}`;

/** Focuses the quick log of the customer page once the palette has given focus back. */
function focusQuickLog() {
  setTimeout(() => {
    const button = document.querySelector<HTMLElement>('.quick-log button');
    button?.scrollIntoView({ block: 'center' });
    button?.focus();
  }, 0);
}

function PaletteDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const { db } = client;
  const [location, navigate] = useLocation();
  const show = useNotices((state) => state.show);
  const openHelp = usePaletteUi((state) => state.openHelp);
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [customerHits, setCustomerHits] = useState<{ text: string; ids: string[] } | null>(null);
  const handleCustomers = useCallback((answered: string, ids: string[]) => setCustomerHits({ text: answered, ids }), []);
  const customerIds = query && customerHits?.text === query ? customerHits.ids : [];

  const customers = useLiveQuery(
    async () => (customerIds.length ? (await db.customers.bulkGet(customerIds as CustomerId[])).filter((row): row is CustomerRow => row !== undefined && row.alive === 1) : []),
    [db, customerIds.join()],
  );
  const records = useLiveQuery(async () => {
    if (!query) return { query, deals: [], tickets: [], names: new Map<string, string>() };
    const deals = await db.deals.filter((deal) => deal.deletedAt === undefined && matchScore(query, deal.title) > 0).limit(RECORD_LIMIT).toArray();
    const tickets = await db.tickets.filter((ticket) => ticket.deletedAt === undefined && matchScore(query, ticket.subject) > 0).limit(RECORD_LIMIT).toArray();
    const ids = [...new Set([...deals, ...tickets].map((record) => record.customerId))];
    const rows = await db.customers.bulkGet(ids);
    const names = new Map(rows.flatMap((row) => (row ? [[row.id as string, row.name] as const] : [])));
    return { query, deals, tickets, names };
  }, [db, query]);
  const currentId = openCustomerId(location);
  const current = useLiveQuery(async () => (currentId ? ((await db.customers.get(currentId as CustomerId)) ?? null) : null), [db, currentId]);

  const go = (path: string) => () => navigate(path);
  const english = i18n.getFixedT('en');
  const candidates: PaletteItem[] = [];
  for (const row of customers ?? []) {
    candidates.push({
      id: `customer:${row.id}`,
      group: 'customers',
      label: row.name,
      keywords: [row.company ?? '', ...row.emails],
      detail: [row.company, row.emails[0] ?? row.phones[0]].filter(Boolean).join(' · '),
      prematched: true,
      run: go(`/customers/${row.id}`),
    });
  }
  if (records && records.query === query) {
    for (const deal of records.deals) {
      candidates.push({ id: `deal:${deal.id}`, group: 'deals', label: deal.title, detail: records.names.get(deal.customerId), run: go(`/deals/${deal.id}`) });
    }
    for (const ticket of records.tickets) {
      candidates.push({ id: `ticket:${ticket.id}`, group: 'tickets', label: ticket.subject, detail: records.names.get(ticket.customerId), run: go(`/tickets/${ticket.id}`) });
    }
  }
  for (const { path, label } of NAVIGATION) {
    candidates.push({ id: `page:${path}`, group: 'pages', label: t(label), keywords: [english(label), path.slice(1)], run: go(path) });
  }
  const forCustomer = current ? `?customer=${encodeURIComponent(current.id)}` : '';
  const action = (key: string, label: string, keywords: string[], run: () => void) => candidates.push({ id: `action:${key}`, group: 'actions', label, keywords, run });
  if (current) action('log', t('palette.actions.logInteraction', { name: current.name }), ['log interaction', 'call', 'note'], focusQuickLog);
  action('newCustomer', t('palette.actions.newCustomer'), ['new customer', 'add customer'], go('/customers/new'));
  action('newDeal', current ? t('palette.actions.newDealFor', { name: current.name }) : t('palette.actions.newDeal'), ['new deal', 'add deal'], go(`/deals/new${forCustomer}`));
  action('newTicket', current ? t('palette.actions.newTicketFor', { name: current.name }) : t('palette.actions.newTicket'), ['new ticket', 'add ticket'], go(`/tickets/new${forCustomer}`));
  action('newTask', t('palette.actions.newTask'), ['new task', 'add task', 'follow-up'], go('/tasks?new=1'));
  action('newCampaign', t('palette.actions.newCampaign'), ['new campaign', 'add campaign'], go('/campaigns/new'));
  action('undo', t('palette.actions.undo'), ['undo'], () => void client.call('undo').then((done) => show(done ? t('notice.undone') : t('palette.actions.nothingToUndo'))));
  action('shortcuts', t('palette.actions.shortcuts'), ['keyboard shortcuts', 'help'], openHelp);

  const sections = rankPalette(query, candidates);
  const flat = sections.flatMap((section) => section.items);
  const activeIndex = Math.max(0, flat.findIndex((item) => item.id === activeId));
  const active = flat[activeIndex];
  const searching = query !== '' && (customerHits?.text !== query || records?.query !== query);

  useEffect(() => {
    if (active) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [active, activeIndex]);

  const run = (item: PaletteItem) => {
    onClose();
    item.run();
  };
  const handleKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = flat[stepIndex(activeIndex, flat.length, event.key === 'ArrowDown' ? 1 : -1)];
      if (next) setActiveId(next.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active) run(active);
    }
  };

  const positions = new Map(flat.map((item, position) => [item.id, position]));
  return (
    <ShellDialog labelledBy="palette-title" className="palette" onClose={onClose} testId="palette">
      {query && <CustomerMatches key={query} text={query} onResult={handleCustomers} />}
      <h2 id="palette-title" className="visually-hidden">
        {t('palette.title')}
      </h2>
      <div className="palette-search">
        <Search aria-hidden="true" size={20} />
        <input
          type="text"
          role="combobox"
          aria-label={t('palette.inputLabel')}
          aria-expanded={flat.length > 0}
          aria-controls="palette-listbox"
          aria-autocomplete="list"
          aria-activedescendant={active ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('palette.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActiveId(null);
          }}
          onKeyDown={handleKey}
          data-testid="palette-input"
        />
      </div>
      <div id="palette-listbox" role="listbox" aria-label={t('palette.results')} className="palette-results">
        {sections.map((section) => (
          <div key={section.group} role="group" aria-labelledby={`palette-group-${section.group}`} className="palette-group">
            <div id={`palette-group-${section.group}`} role="presentation" className="palette-group-label">
              {t(`palette.groups.${section.group}`)}
            </div>
            {section.items.map((item) => {
              const index = positions.get(item.id) ?? 0;
              const selected = item === active;
              return (
                <div
                  key={item.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={selected}
                  className={`palette-option${selected ? ' palette-option-active' : ''}`}
                  onMouseMove={() => !selected && setActiveId(item.id)}
                  onClick={() => run(item)}
                  data-testid="palette-option"
                  data-kind={section.group}
                >
                  <span className="palette-option-label">{item.label}</span>
                  {item.detail && <span className="palette-option-detail muted">{item.detail}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <p className="palette-status muted" role="status" aria-live="polite">
        {searching ? t('palette.searching') : flat.length ? t('palette.count', { count: flat.length }) : t('palette.none', { text: query })}
      </p>
      <p className="palette-hint muted" aria-hidden="true">
        {t('palette.hint')}
      </p>
    </ShellDialog>
  );
}
