// Expected close dates are calendar days kept as midnight UTC (see monthOf in src/domain/pipeline.ts): they are
// read and written in UTC so a day never shifts with the reader's time zone.

/** The value of an <input type="date"> for a stored day; '' for none. */
export function dayInputValue(day: number | undefined): string {
  return day === undefined ? '' : new Date(day).toISOString().slice(0, 10);
}

/** A stored day from an <input type="date"> value; null for an empty or unreadable one. */
export function dayFromInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function formatDay(day: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

/** `YYYY-MM` as the reader says it ("March 2027"). */
export function formatMonth(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1));
}
