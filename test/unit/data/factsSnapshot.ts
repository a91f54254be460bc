import { forEachFactPage, type FactKind, type FactPageRow } from '../../../src/data/factPages';
import type { RapportDb } from '../../../src/data/db';

/** A kind's facts record by record, whatever the pages' cut: `{ id, <column>: value, ... }` in id order. */
export async function factsOf(db: RapportDb, kind: FactKind): Promise<Record<string, unknown>[]> {
  const pages: FactPageRow[] = [];
  await forEachFactPage(db, kind, (page) => pages.push(page));
  return pages.flatMap((page) =>
    page.ids.map((id, i) => ({
      id,
      ...Object.fromEntries(Object.entries(page.numbers).map(([name, column]) => [name, column[i]])),
      ...Object.fromEntries(Object.entries(page.strings).map(([name, column]) => [name, column[i]])),
    })),
  );
}
