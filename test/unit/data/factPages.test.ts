import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { seededRandom } from '../../../src/analytics/random';
import { openWorkspaceDb, type CustomerRow, type InteractionRow, type RapportDb } from '../../../src/data/db';
import { applyFacts, buildFacts, customerFactsAt, factsReady, forEachFactPage, type FactKind, type FactPageRow } from '../../../src/data/factPages';
import { InteractionTableBuilder } from '../../../src/analytics/features';
import { CHANNELS } from '../../../src/domain/fields';
import { DIRECTIONS, INTERACTION_TYPES } from '../../../src/domain/interaction';
import { newId } from '../../../src/platform/ids';
import { customerRow } from './customerRow';
import { factsOf } from './factsSnapshot';

let db: RapportDb;
beforeEach(() => {
  db = openWorkspaceDb(`facts-${newId()}`);
});
afterEach(() => db.close());

const PAGE = 4;

async function write(kind: FactKind, rows: { id: string }[]): Promise<void> {
  await db.transaction('rw', [db.table(kind), db.factPages], async () => {
    await db.table(kind).bulkPut(rows);
    await applyFacts(db, kind, rows, PAGE);
  });
}

async function pagesOf(kind: FactKind): Promise<FactPageRow[]> {
  const pages: FactPageRow[] = [];
  await forEachFactPage(db, kind, (page) => pages.push(page));
  return pages;
}

/** B-tree leaves: the first page starts at '', ids ascend within and across pages, no page empty or overfull. */
function expectWellFormed(pages: FactPageRow[]): void {
  expect(pages[0]?.first).toBe('');
  pages.forEach((page, p) => {
    const next = pages[p + 1]?.first;
    if (p > 0) expect(page.ids.length).toBeGreaterThan(0);
    expect(page.ids.length).toBeLessThanOrEqual(2 * PAGE);
    page.ids.forEach((id, i) => {
      expect(id >= page.first).toBe(true);
      if (next !== undefined) expect(id < next).toBe(true);
      if (i > 0) expect(id > (page.ids[i - 1] as string)).toBe(true);
    });
  });
}

function customer(id: string, fields: Partial<CustomerRow> = {}): CustomerRow {
  return customerRow(id, { nameKey: id, createdAt: 1_000, updatedAt: 1_000, ...fields });
}

describe('analytics facts pages', () => {
  test('a customer is coded as analytics reads it, and read back the same', async () => {
    const id = newId();
    await write('customers', [customer(id, { lifecycle: 'customer', preferredChannel: 'sms', consentEmail: true, consentPhone: true, createdAt: 1_700_000_000_000 })]);
    expect(await factsOf(db, 'customers')).toEqual([{ id, createdAt: 1_700_000_000_000, lifecycle: 2, preferredChannel: 2, consent: 5 }]);
    const [page] = await pagesOf('customers');
    expect(customerFactsAt(page as FactPageRow, 0)).toEqual({
      id,
      createdAt: 1_700_000_000_000,
      lifecycle: 'customer',
      preferredChannel: 'sms',
      consentEmail: true,
      consentSms: false,
      consentPhone: true,
    });
  });

  test('interactions are coded exactly as the analytics table codes them', async () => {
    const rows: InteractionRow[] = [];
    const builder = new InteractionTableBuilder();
    for (const type of INTERACTION_TYPES) {
      for (const direction of [undefined, ...DIRECTIONS]) {
        for (const channel of [undefined, ...CHANNELS]) {
          const scale = type === 'survey' ? (rows.length % 2 === 0 ? 'nps' : 'csat') : undefined;
          const row = {
            id: newId(),
            customerId: 'c',
            type,
            at: 1_000 + rows.length,
            direction,
            channel,
            ...(type === 'purchase' ? { amountMinor: 100 + rows.length, currency: 'USD' } : {}),
            ...(scale ? { score: rows.length % 5, scoreScale: scale } : {}),
            alive: 1,
            doc: 'x',
          } as InteractionRow;
          rows.push(row);
          builder.push({ customer: 0, type, at: row.at, direction, channel, amount: row.amountMinor, score: row.score, scale });
        }
      }
    }
    await write('interactions', rows);
    const table = builder.build();
    const facts = await factsOf(db, 'interactions');
    expect(facts).toHaveLength(table.length);
    const column = (name: string) => facts.map((fact) => fact[name]);
    for (const name of ['type', 'at', 'direction', 'channel', 'amount', 'score', 'scale'] as const) {
      expect(column(name), name).toEqual(Array.from(table[name].subarray(0, table.length)));
    }
  });

  test('a soft-deleted record leaves the pages; restored, it is back', async () => {
    const id = newId();
    await write('customers', [customer(id)]);
    await write('customers', [customer(id, { alive: 0 })]);
    expect(await factsOf(db, 'customers')).toEqual([]);
    await write('customers', [customer(id, { lifecycle: 'prospect' })]);
    expect(await factsOf(db, 'customers')).toMatchObject([{ id, lifecycle: 1 }]);
  });

  test('random writes, edits, moves and deletes keep the pages equal to pages built from the table', async () => {
    const seed = 20_261_201;
    console.log(`factPages random test seed ${seed}`);
    const random = seededRandom(seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const customers = Array.from({ length: 12 }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const rows = new Map<string, InteractionRow>();
    for (let batch = 0; batch < 60; batch++) {
      const changed: InteractionRow[] = [];
      const size = 1 + Math.floor(random() * 12);
      for (let k = 0; k < size; k++) {
        const existing = rows.size > 0 && random() < 0.4 ? pick([...rows.values()]) : undefined;
        // Ids from a small alphabet land between existing ones, as synced records from other devices do.
        const id = existing?.id ?? Array.from({ length: 4 }, () => pick([...'0123456789abcdef'])).join('');
        const type = pick(INTERACTION_TYPES);
        const row = {
          id,
          customerId: pick(customers),
          type,
          at: Math.floor(random() * 1e12),
          direction: pick(['inbound', 'outbound', undefined]),
          channel: pick(['email', 'phone', undefined]),
          ...(type === 'purchase' ? { amountMinor: Math.floor(random() * 10_000), currency: pick(['USD', 'EUR']) } : {}),
          ...(type === 'survey' ? { score: Math.floor(random() * 11), scoreScale: 'nps' } : {}),
          alive: existing && random() < 0.3 ? 0 : 1,
          doc: 'x',
        } as InteractionRow;
        rows.set(id, row);
        changed.push(row);
      }
      await write('interactions', changed);
      expectWellFormed(await pagesOf('interactions'));
    }
    const kept = await factsOf(db, 'interactions');
    expect(kept.map((fact) => fact.id)).toEqual([...rows.values()].filter((row) => row.alive === 1).map((row) => row.id).sort());
    expect((await pagesOf('interactions')).length).toBeGreaterThan(3);
    await buildFacts(db, PAGE);
    expect(await factsReady(db)).toBe(true);
    expectWellFormed(await pagesOf('interactions'));
    expect(await factsOf(db, 'interactions')).toEqual(kept);
  });
});
