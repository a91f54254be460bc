import type { CustomerRow, InteractionRow, RapportDb } from '../../data/db';
import type { Channel } from '../../domain/fields';
import type { LifecycleStage } from '../../domain/customer';
import { InteractionTableBuilder, type FeatureTicket, type InteractionTable } from '../../analytics/features';

// Reads what analytics needs from the workspace's read model, page by primary key (DESIGN §9: keyset pages stay
// fast however deep they go), into compact columns. Soft-deleted records are left out.

export interface AnalysedCustomer {
  id: string;
  createdAt: number;
  lifecycle: LifecycleStage;
  preferredChannel?: Channel;
  consentEmail: boolean;
  consentSms: boolean;
  consentPhone: boolean;
}

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

export async function readWorkspace(
  db: RapportDb,
  pageSize: number,
  signal: AbortSignal,
  onProgress: (progress: ReadProgress) => void,
): Promise<WorkspaceData> {
  const total = (await db.customers.count()) + (await db.interactions.count());
  let done = 0;
  const customers: AnalysedCustomer[] = [];
  const indexOf = new Map<string, number>();
  let last: string | undefined;
  for (;;) {
    signal.throwIfAborted();
    const page: CustomerRow[] = await (last === undefined ? db.customers.orderBy('id') : db.customers.where('id').above(last)).limit(pageSize).toArray();
    if (page.length === 0) break;
    for (const row of page) {
      if (row.alive !== 1) continue;
      indexOf.set(row.id, customers.length);
      customers.push({
        id: row.id,
        createdAt: row.createdAt,
        lifecycle: row.lifecycle,
        ...(row.preferredChannel === undefined ? {} : { preferredChannel: row.preferredChannel }),
        consentEmail: row.consentEmail,
        consentSms: row.consentSms,
        consentPhone: row.consentPhone,
      });
    }
    last = page[page.length - 1]?.id;
    done += page.length;
    onProgress({ done, total });
  }

  const builder = new InteractionTableBuilder(Math.max(1024, total - customers.length));
  const purchaseRows: number[] = [];
  const purchaseCurrencies: string[] = [];
  let surveys = 0;
  last = undefined;
  for (;;) {
    signal.throwIfAborted();
    const page: InteractionRow[] = await (last === undefined ? db.interactions.orderBy('id') : db.interactions.where('id').above(last)).limit(pageSize).toArray();
    if (page.length === 0) break;
    for (const row of page) {
      const customer = indexOf.get(row.customerId);
      if (row.alive !== 1 || customer === undefined) continue;
      if (row.type === 'purchase') {
        purchaseRows.push(builder.length);
        purchaseCurrencies.push(row.currency ?? '');
      }
      const survey = row.type === 'survey' && row.score !== undefined && row.scoreScale !== undefined;
      if (survey) surveys++;
      builder.push({
        customer,
        type: row.type,
        at: row.at,
        direction: row.direction,
        channel: row.channel,
        amount: row.amountMinor,
        score: survey ? row.score : undefined,
        scale: survey ? row.scoreScale : undefined,
      });
    }
    last = page[page.length - 1]?.id;
    done += page.length;
    onProgress({ done, total });
  }
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
