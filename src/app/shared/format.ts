// Numbers, money and times in the reader's language.

export function formatMoney(amountMinor: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** Parses what a user typed as an amount in the currency's minor units; null when it is not a number. */
export function parseMoney(text: string, currency: string, language: string): number | null {
  const cleaned = text.replace(/[^\d.,-]/g, '');
  if (!/\d/.test(cleaned)) return null;
  // The last separator followed by at most two digits is the decimal point, whichever character it is.
  const match = /^(.*?)[.,](\d{1,2})$/.exec(cleaned);
  const whole = (match ? match[1] ?? '' : cleaned).replace(/[.,]/g, '');
  const value = Number(`${whole || '0'}.${match?.[2] ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  const digits = new Intl.NumberFormat(language, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}

export function formatDateTime(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

export function formatDate(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(at);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language).format(value);
}

/** The value of an <input type="datetime-local"> for a time, in the reader's zone. */
export function dateTimeInputValue(at: number): string {
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}
