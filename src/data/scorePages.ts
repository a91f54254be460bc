import type { RapportDb, ScoreRow } from './db';

// Every analytics run writes all customers' scores at once, and they are read either nearly all together (the query
// worker's sorts and filters, a campaign audience by segment) or one customer at a time (the customer page). A row
// per customer cost IndexedDB ~0.25 ms each on a phone-class machine — 26 s of a 100k-customer run; pages of
// consecutive customers cost one row each, and one customer's lookup reads one page.

export const SCORE_PAGE_SIZE = 1000;

/** Scores of consecutive customers in id order; the key is the first one's id. */
export interface ScorePageRow {
  first: string;
  rows: ScoreRow[];
}

const byCustomer = (a: ScoreRow, b: ScoreRow) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

/**
 * Replaces every score with these in one transaction (or in the caller's, when it includes scorePages), so readers
 * see the previous run's scores or this one's, never a mix.
 */
export async function replaceScores(db: RapportDb, scores: readonly ScoreRow[], pageSize = SCORE_PAGE_SIZE): Promise<void> {
  const sorted = [...scores].sort(byCustomer);
  const pages: ScorePageRow[] = [];
  for (let from = 0; from < sorted.length; from += pageSize) {
    const rows = sorted.slice(from, from + pageSize);
    pages.push({ first: (rows[0] as ScoreRow).customerId, rows });
  }
  await db.transaction('rw', db.scorePages, async () => {
    await db.scorePages.clear();
    await db.scorePages.bulkAdd(pages);
  });
}

/** One customer's scores from the last run, if it scored them. */
export async function scoreOf(db: RapportDb, customerId: string): Promise<ScoreRow | undefined> {
  const page = await db.scorePages.where(':id').belowOrEqual(customerId).last();
  if (!page) return undefined;
  let low = 0;
  let high = page.rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const row = page.rows[middle] as ScoreRow;
    if (row.customerId === customerId) return row;
    if (row.customerId < customerId) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/** Each page's scores in customer id order, a page per request: no single read holds the thread for all of them. */
export async function forEachScorePage(db: RapportDb, onPage: (rows: readonly ScoreRow[]) => void): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? db.scorePages.orderBy(':id') : db.scorePages.where(':id').above(last)).first();
    if (!page) return;
    onPage(page.rows);
    last = page.first;
  }
}

/** The scores that pass `keep`, in customer id order. */
export async function scoresWhere(db: RapportDb, keep: (score: ScoreRow) => boolean): Promise<ScoreRow[]> {
  const found: ScoreRow[] = [];
  await forEachScorePage(db, (rows) => {
    for (const row of rows) if (keep(row)) found.push(row);
  });
  return found;
}
