// The command palette's ranking: how well a typed query matches a name, and which results show in which order.
// Pure (no React, Dexie or DOM), so it is tested in Node.

export const PALETTE_GROUPS = ['customers', 'deals', 'tickets', 'pages', 'actions'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

export interface PaletteCandidate {
  /** Unique across the palette, e.g. `customer:<id>` or `page:/pipeline`. */
  id: string;
  group: PaletteGroup;
  label: string;
  /** Other words that find it (an English name under a Chinese label, a route). */
  keywords?: readonly string[];
  /**
   * Already matched by a search elsewhere (the customer query worker matches emails, phones and typos): kept even
   * when the label itself does not match the query, after the ones whose label does.
   */
  prematched?: boolean;
}

export interface PaletteSection<T extends PaletteCandidate> {
  group: PaletteGroup;
  items: T[];
}

/** At most this many results per group while searching; pages and actions are few and all shown. */
export const GROUP_LIMITS: Record<PaletteGroup, number> = { customers: 6, deals: 5, tickets: 5, pages: 9, actions: 8 };

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
const WORD = /[\p{L}\p{N}]+/gu;

function isSubsequence(query: string, text: string): boolean {
  let at = 0;
  for (const char of text) if (char === query[at]) at += 1;
  return at >= query.length;
}

/**
 * 0 when `text` does not match `query`, otherwise higher for a better match: the whole text (100), its start (80),
 * the start of a later word (60), every query word starting a word of the text (50), anywhere inside (40), the
 * query's characters in order, as in "npl" for "New pipeline" (10). Case and accents are ignored.
 */
export function matchScore(query: string, text: string): number {
  const q = fold(query);
  const t = fold(text);
  if (!q) return 1;
  if (!t) return 0;
  if (t === q) return 100;
  if (t.startsWith(q)) return 80;
  const words = t.match(WORD) ?? [];
  if (words.some((word, index) => index > 0 && word.startsWith(q))) return 60;
  const queryWords = q.match(WORD) ?? [];
  if (queryWords.length > 1 && queryWords.every((part) => words.some((word) => word.startsWith(part)))) return 50;
  if (t.includes(q)) return 40;
  if (q.length >= 2 && isSubsequence(q.replace(/\s+/g, ''), t.replace(/\s+/g, ''))) return 10;
  return 0;
}

export function candidateScore(query: string, candidate: PaletteCandidate): number {
  let best = matchScore(query, candidate.label);
  // A keyword match counts a little less than the same match on the label the user sees.
  for (const keyword of candidate.keywords ?? []) best = Math.max(best, matchScore(query, keyword) - 5);
  if (best <= 0 && candidate.prematched) return 1;
  return Math.max(best, 0);
}

/**
 * The palette's sections in display order. Without a query: pages and actions as given. With one: the matches of
 * each group, best first (ties keep the given order, so the customer worker's relevance survives), at most
 * GROUP_LIMITS per group, and the groups ordered by their best match (ties in PALETTE_GROUPS order).
 */
export function rankPalette<T extends PaletteCandidate>(query: string, candidates: readonly T[]): PaletteSection<T>[] {
  const searching = fold(query) !== '';
  const sections: (PaletteSection<T> & { best: number; order: number })[] = [];
  PALETTE_GROUPS.forEach((group, order) => {
    const inGroup = candidates.filter((candidate) => candidate.group === group);
    if (!searching) {
      if (group === 'pages' || group === 'actions') if (inGroup.length) sections.push({ group, items: inGroup, best: 0, order });
      return;
    }
    const scored = inGroup
      .map((candidate, index) => ({ candidate, index, score: candidateScore(query, candidate) }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, GROUP_LIMITS[group]);
    if (scored.length) sections.push({ group, items: scored.map(({ candidate }) => candidate), best: scored[0]?.score ?? 0, order });
  });
  return sections.sort((a, b) => b.best - a.best || a.order - b.order).map(({ group, items }) => ({ group, items }));
}

/** The next option for an arrow key, wrapping around; -1 when there is none. */
export function stepIndex(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
