import { EmailSchema } from '../domain/fields';
import { normalisePhone, normaliseText, type Region } from '../domain/normalise';

// Cleaning of single cell values: each returns the clean value and what was done to it (shown in the preview), or
// the reason it cannot be read (shown in the error report, translated by the UI as `import.issue.<code>`).

export type ChangeRule =
  | 'trimmed'
  | 'spaces_collapsed'
  | 'han_spaces_removed'
  | 'name_case'
  | 'lower_cased'
  | 'mailto_removed'
  | 'phone_e164'
  | 'date_iso'
  | 'amount_minor'
  | 'boolean'
  | 'choice'
  | 'list_split';

export type ValueIssueCode =
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_date'
  | 'invalid_amount'
  | 'too_many_decimals'
  | 'currency_mismatch'
  | 'invalid_score'
  | 'invalid_boolean'
  | 'invalid_choice';

export type Cleaned<T> = { ok: true; value: T; rules: ChangeRule[] } | { ok: false; code: ValueIssueCode };

const ok = <T>(value: T, rules: ChangeRule[]): Cleaned<T> => ({ ok: true, value, rules });
const fail = <T>(code: ValueIssueCode): Cleaned<T> => ({ ok: false, code });

export function cleanText(raw: string): Cleaned<string> {
  const trimmed = raw.trim();
  const value = normaliseText(raw);
  const rules: ChangeRule[] = [];
  if (trimmed !== raw) rules.push('trimmed');
  if (value !== trimmed) rules.push('spaces_collapsed');
  return ok(value, rules);
}

const HAN = /\p{Script=Han}/u;
const HAN_GAP = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

export function isHan(text: string): boolean {
  return HAN.test(text) && !/[A-Za-z]/.test(text);
}

/**
 * Names: spaces between Han characters removed ("王 芳"), and a Latin name typed all in capitals or all in lower case
 * given capitals per word ("JOHN O'BRIEN" → "John O'Brien"); mixed case ("McDonald", "de la Cruz") is kept as typed.
 */
export function cleanName(raw: string): Cleaned<string> {
  const text = cleanText(raw);
  if (!text.ok) return text;
  let value = text.value.replace(HAN_GAP, '');
  const rules = [...text.rules];
  if (value !== text.value) rules.push('han_spaces_removed');
  const letters = value.replace(/[^\p{L}]/gu, '');
  const cased = /\p{Lu}|\p{Ll}/u.test(letters);
  if (cased && (letters === letters.toUpperCase() || letters === letters.toLowerCase()) && letters.length > 1) {
    const titled = value.toLowerCase().replace(/(^|[\s\-'’])(\p{Ll})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
    if (titled !== value) {
      value = titled;
      rules.push('name_case');
    }
  }
  return ok(value, rules);
}

export function cleanEmail(raw: string): Cleaned<string> {
  const rules: ChangeRule[] = [];
  let value = raw.trim();
  if (value !== raw) rules.push('trimmed');
  if (/^mailto:/i.test(value)) {
    value = value.slice('mailto:'.length);
    rules.push('mailto_removed');
  }
  if (value !== value.toLowerCase()) rules.push('lower_cased');
  const parsed = EmailSchema.safeParse(value);
  return parsed.success ? ok(parsed.data, rules) : fail('invalid_email');
}

export function cleanPhone(raw: string, region: Region): Cleaned<string> {
  const value = normalisePhone(raw.normalize('NFKC'), region);
  if (value === null) return fail('invalid_phone');
  return ok(value, value === raw ? [] : ['phone_e164']);
}

/** Cells holding several values: "a@x.com; b@x.com", Google's "a ::: b", Chinese list commas. */
export function splitList(raw: string): string[] {
  return raw.split(/:::|[;,，；、|\n]/).map((part) => part.trim()).filter(Boolean);
}

export type DateOrder = 'dmy' | 'mdy';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in); 5-digit serials are 1927..2173. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function fullYear(year: string): number {
  const n = Number(year);
  // Excel's two-digit-year rule: 00-29 are 2000s, 30-99 are 1900s.
  if (year.length === 2) return n < 30 ? 2000 + n : 1900 + n;
  return n;
}

function utcDay(year: number, month: number, day: number): number | null {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return time;
}

function monthOf(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? null : index + 1;
}

/** The day (UTC midnight, epoch ms) a date cell names, or null. */
function parseDay(text: string, order: DateOrder): number | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) return utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.\d+)?$/.test(text)) return EXCEL_EPOCH + Math.floor(Number(text)) * DAY_MS;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) return utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text))) {
    return utcDay(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text))) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    return utcDay(fullYear(m[3] ?? ''), month, day);
  }
  if ((m = /^(\d{1,2})[\s-]+([a-z]{3,})\.?[\s,-]+(\d{4})$/i.exec(text))) {
    const month = monthOf(m[2] ?? '');
    return month ? utcDay(Number(m[3]), month, Number(m[1])) : null;
  }
  if ((m = /^([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(text))) {
    const month = monthOf(m[1] ?? '');
    return month ? utcDay(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * A date in any of the usual spellings as YYYY-MM-DD: ISO, YYYYMMDD, 2024年3月5日, "5 Mar 2024", "March 5, 2024",
 * Excel serial numbers, and D/M/Y or M/D/Y as the user chose (the same digits mean different days).
 */
export function cleanDate(raw: string, order: DateOrder): Cleaned<string> {
  const text = raw.normalize('NFKC').trim();
  const isoWithTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/.exec(text);
  const day = parseDay(isoWithTime?.[1] ?? text, order);
  if (day === null) return fail('invalid_date');
  const value = isoDay(day);
  return ok(value, value === raw ? [] : ['date_iso']);
}

/**
 * A moment (epoch ms UTC) from a date, optionally with a time of day and an offset. A time without an offset is
 * read as UTC, so the same file gives the same timeline on every device.
 */
export function cleanDateTime(raw: string, order: DateOrder): Cleaned<number> {
  const text = raw.normalize('NFKC').trim();
  const m = /^(.*?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)$/i.exec(text);
  const day = parseDay(m?.[1] ?? text, order);
  if (day === null) return fail('invalid_date');
  if (!m) return ok(day, ['date_iso']);
  const [hours, minutes, seconds] = [m[2], m[3], m[4]].map((part) => Number(part ?? 0)) as [number, number, number];
  const millis = Number((m[5] ?? '').padEnd(3, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59) return fail('invalid_date');
  const zone = m[6]?.toUpperCase();
  const offset = !zone || zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return ok(day + ((hours * 60 + minutes - offset) * 60 + seconds) * 1000 + millis, ['date_iso']);
}

/**
 * The order of day and month a column of dates must use: "dmy" when some first part exceeds 12, "mdy" when some
 * second part does, null when the column never says (the user chooses).
 */
export function guessDateOrder(values: Iterable<string>): DateOrder | null {
  for (const value of values) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(value);
    if (m && Number(m[1]) > 12) return 'dmy';
    if (m && Number(m[2]) > 12) return 'mdy';
  }
  return null;
}

/** Symbols shared by several currencies resolve to the workspace currency when it is one of them, else the first. */
const CURRENCY_MARKERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['US$', ['USD']],
  ['HK$', ['HKD']],
  ['NT$', ['TWD']],
  ['A$', ['AUD']],
  ['C$', ['CAD']],
  ['S$', ['SGD']],
  ['R$', ['BRL']],
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN']],
  ['€', ['EUR']],
  ['£', ['GBP']],
  ['¥', ['CNY', 'JPY']],
  ['元', ['CNY']],
  ['RMB', ['CNY']],
  ['円', ['JPY']],
  ['₩', ['KRW']],
  ['₹', ['INR']],
];

function currencyOf(marker: string, fallback: string): string | null {
  const entry = CURRENCY_MARKERS.find(([symbol]) => symbol === marker);
  if (entry) return entry[1].includes(fallback) ? fallback : (entry[1][0] ?? null);
  return /^[A-Z]{3}$/.test(marker) ? marker : null;
}

/** Digits after the decimal point of a currency (JPY 0, USD 2, KWD 3), as the platform's Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export interface Money {
  amountMinor: number;
  currency: string;
}

const MARKER = String.raw`(?:[A-Z]{3}|[A-Z]{1,2}\$|\$|€|£|¥|元|円|₩|₹)`;
const AMOUNT = new RegExp(String.raw`^(${MARKER})?\s*([-−]?)\s*(${MARKER})?\s*([\d\s'.,]*\d[\d\s'.,]*)\s*(${MARKER})?$`);

/** Splits digits at the decimal separator; the other separator may only group thousands. */
function decimalParts(number: string, decimal: '.' | ','): { whole: string; fraction: string } | null {
  const digits = number.replace(/[\s']/g, '');
  const hasDot = digits.includes('.');
  const hasComma = digits.includes(',');
  let separator: '.' | ',' | null = null;
  if (hasDot && hasComma) separator = digits.lastIndexOf('.') > digits.lastIndexOf(',') ? '.' : ',';
  else if (hasDot || hasComma) {
    const only = hasDot ? '.' : ',';
    const parts = digits.split(only);
    // "1,234" groups thousands unless the user reads commas as decimals; "1,5" and "12,50" can only be decimals.
    const grouping = parts.length > 2 || (parts[1]?.length === 3 && only !== decimal);
    separator = grouping ? null : only;
  }
  const [whole = '', fraction = '', extra] = separator ? digits.split(separator) : [digits];
  if (extra !== undefined) return null;
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && (groups.slice(1).some((g) => g.length !== 3) || (groups[0]?.length ?? 0) > 3)) return null;
  return { whole: groups.join(''), fraction };
}

/**
 * Money as integer minor units and a currency: "$1,234.50" → 123450 USD, "1.234,50 €" → 123450 EUR, "¥1,200" → CNY
 * or JPY (whichever is the workspace's), "(12.00)" → -1200. `decimal` says how "1,234" / "1.234" read when only one
 * separator is present with three digits after it.
 */
export function cleanAmount(raw: string, defaultCurrency: string, decimal: '.' | ',', columnCurrency?: string): Cleaned<Money> {
  let text = raw.normalize('NFKC').replace(/[\u00a0\u202f]/g, ' ').trim();
  const negative = /^\(.*\)$/.test(text) || /-$/.test(text);
  text = text.replace(/^\((.*)\)$/, '$1').replace(/-$/, '').trim();
  const m = AMOUNT.exec(text);
  if (!m) return fail('invalid_amount');
  const markers = [m[1], m[3], m[5]].filter((x): x is string => x !== undefined);
  if (markers.length > 1) return fail('invalid_amount');
  const base = columnCurrency ?? defaultCurrency;
  const currency = markers[0] ? currencyOf(markers[0], base) : base;
  if (!currency) return fail('invalid_amount');
  if (columnCurrency && currency !== columnCurrency) return fail('currency_mismatch');
  const parts = decimalParts(m[4] ?? '', decimal);
  if (!parts) return fail('invalid_amount');
  const digits = minorDigits(currency);
  if (parts.fraction.length > digits) return fail('too_many_decimals');
  const minor = Number(parts.whole + parts.fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor) || minor > 1e13) return fail('invalid_amount');
  const sign = negative || m[2] !== '' ? -1 : 1;
  return ok({ amountMinor: sign * minor || 0, currency }, ['amount_minor']);
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'on', 'x', '✓', '✔', '是', '对', '有', '同意']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', 'off', '否', '不', '错', '无', '不同意']);

export function cleanBoolean(raw: string): Cleaned<boolean> {
  const word = raw.normalize('NFKC').trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(true, ['boolean']);
  if (FALSE_WORDS.has(word)) return ok(false, ['boolean']);
  return fail('invalid_boolean');
}

/** A whole number as a survey export writes it ("9", " 10 ", "4.0"); anything else is not a score. */
export function cleanScore(raw: string): Cleaned<number> {
  const text = raw.normalize('NFKC').trim();
  const value = Number(text);
  if (text === '' || !Number.isInteger(value)) return fail('invalid_score');
  return ok(value, String(value) === raw ? [] : ['trimmed']);
}

/** A value from a fixed list, read from the words people and other CRMs use for it (English and Chinese). */
export function cleanChoice<T extends string>(raw: string, words: Readonly<Record<string, T>>): Cleaned<T> {
  const word = raw.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, '');
  const value = words[word];
  if (value === undefined) return fail('invalid_choice');
  return ok(value, value === raw ? [] : ['choice']);
}
