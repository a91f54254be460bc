// Numbers, money and times in the reader's language.

// Making a formatter costs far more than formatting with one (a timeline of 1,000 interactions spent most of its
// drawing making date formatters): one per language and style, kept.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A plain number, an amount in a currency (an ISO code) or a count of a unit of time. */
function numberFormat(language: string, currencyOrUnit?: string | 'second' | 'minute'): Intl.NumberFormat {
  const key = `${language} ${currencyOrUnit ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      currencyOrUnit === 'second' || currencyOrUnit === 'minute' ? { style: 'unit', unit: currencyOrUnit, unitDisplay: 'short' }
      : currencyOrUnit ? { style: 'currency', currency: currencyOrUnit }
      : {};
    numberFormats.set(key, (format = new Intl.NumberFormat(language, options)));
  }
  return format;
}

function dateFormat(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language} ${withTime}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' })));
  return format;
}

export function formatMoney(amountMinor: number, currency: string, language: string): string {
  const format = numberFormat(language, currency);
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
  const digits = numberFormat(language, currency).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}

export function formatDateTime(at: number, language: string): string {
  return dateFormat(language, true).format(at);
}

export function formatDate(at: number, language: string): string {
  return dateFormat(language, false).format(at);
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** The value of an <input type="datetime-local"> for a time, in the reader's zone. */
export function dateTimeInputValue(at: number): string {
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

/** A duration as "42 s" or "3 min", in the reader's language. */
export function formatDuration(ms: number, language: string): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 90 ? numberFormat(language, 'second').format(seconds) : numberFormat(language, 'minute').format(Math.round(seconds / 60));
}
