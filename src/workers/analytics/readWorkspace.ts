import type { RapportDb } from '../../data/db';
import { countFactPages, customerFactsAt, factsReady, forEachFactPage, interactionColumns, type CustomerFacts } from '../../data/factPages';
import { InteractionTableBuilder, type FeatureTicket, type InteractionTable } from '../../analytics/features';
import { SCALE_NONE } from '../../domain/interactionCodes';
import { INTERACTION_TYPES } from '../../domain/interaction';

// Reads what analytics needs from the workspace: the customers' and interactions' facts from the projection's
// columnar pages (factPages.ts), tickets from their table. Soft-deleted records are not in the pages.

export type AnalysedCustomer = CustomerFacts;

export interface WorkspaceData {
  customers: AnalysedCustomer[];
  interactions: InteractionTable;
  tickets: FeatureTicket[];
  /** The currency most purchases are in: amounts in any other are NaN in the table, not mixed in. */
  currency: string | null;
  purchases: number;
  /** Purchases left out of the money figures because of their currency. */
  otherCurrencyPurchases: number;
  surveys: number;
}

export interface ReadProgress {
  done: number;
  total: number;
}

const PURCHASE = INTERACTION_TYPES.indexOf('purchase');
const SURVEY = INTERACTION_TYPES.indexOf('survey');

export async function readWorkspace(db: RapportDb, signal: AbortSignal, onProgress: (progress: ReadProgress) => void): Promise<WorkspaceData> {
  if (!(await factsReady(db))) throw new Error('analytics_input_not_ready');
  // Progress counts pages: the records in them are known only once they are read.
  const total = (await countFactPages(db, 'customers')) + (await countFactPages(db, 'interactions'));
  let done = 0;
  const customers: AnalysedCustomer[] = [];
  const indexOf = new Map<string, number>();
  await forEachFactPage(
    db,
    'customers',
    (page) => {
      for (let i = 0; i < page.ids.length; i++) {
        indexOf.set(page.ids[i] as string, customers.length);
        customers.push(customerFactsAt(page, i));
      }
      onProgress({ done: ++done, total });
    },
    signal,
  );

  const builder = new InteractionTableBuilder();
  const purchaseRows: number[] = [];
  const purchaseCurrencies: string[] = [];
  let surveys = 0;
  await forEachFactPage(
    db,
    'interactions',
    (page) => {
      const columns = interactionColumns(page);
      for (let i = 0; i < columns.ids.length; i++) {
        const customer = indexOf.get(columns.customerId[i] as string);
        if (customer === undefined) continue;
        const type = columns.type[i] as number;
        const scale = columns.scale[i] as number;
        if (type === PURCHASE) {
          purchaseRows.push(builder.length);
          purchaseCurrencies.push(columns.currency[i] as string);
        }
        if (type === SURVEY && scale !== SCALE_NONE) surveys++;
        builder.pushCodes(customer, {
          type,
          at: columns.at[i] as number,
          direction: columns.direction[i] as number,
          channel: columns.channel[i] as number,
          amount: columns.amount[i] as number,
          score: columns.score[i] as number,
          scale,
        });
      }
      onProgress({ done: ++done, total });
    },
    signal,
  );
  const interactions = builder.build();
  const currency = mostCommon(purchaseCurrencies);
  let otherCurrencyPurchases = 0;
  purchaseRows.forEach((row, i) => {
    if (purchaseCurrencies[i] === currency) return;
    interactions.amount[row] = NaN;
    otherCurrencyPurchases++;
  });

  const tickets: FeatureTicket[] = [];
  for (const ticket of await db.tickets.toArray()) {
    const customer = indexOf.get(ticket.customerId);
    if (customer === undefined || ticket.deletedAt !== undefined) continue;
    const closed = ticket.status === 'resolved' || ticket.status === 'closed';
    tickets.push({ customer, createdAt: ticket.createdAt, closedAt: closed ? ticket.updatedAt : null, complaint: ticket.kind === 'complaint' });
  }
  return { customers, interactions, tickets, currency, purchases: purchaseRows.length, otherCurrencyPurchases, surveys };
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) as number)) best = value;
  return best;
}
