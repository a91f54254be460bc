// Dates in the evaluation command's input files, read as UTC. Without a format, yyyymmdd and ISO 8601 (date, or
// date and time with an optional offset) are recognised; --date-format names others with the tokens YYYY, MM, DD,
// HH, mm, ss (month, day and time fields may have one digit), any other character standing for itself.

const TOKENS: Record<string, { name: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'; pattern: string }> = {
  YYYY: { name: 'year', pattern: '(\\d{4})' },
  MM: { name: 'month', pattern: '(\\d{1,2})' },
  DD: { name: 'day', pattern: '(\\d{1,2})' },
  HH: { name: 'hour', pattern: '(\\d{1,2})' },
  mm: { name: 'minute', pattern: '(\\d{1,2})' },
  ss: { name: 'second', pattern: '(\\d{1,2})' },
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

type Fields = Partial<Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>>;

/** A parser from cell text to epoch ms UTC; it throws an Error saying why a cell is not a date. */
export function dateParser(format?: string): (text: string) => number {
  if (format === undefined) return parseAutomatic;
  const order: (keyof Fields)[] = [];
  let pattern = '';
  for (let i = 0; i < format.length; ) {
    const token = Object.keys(TOKENS).find((candidate) => format.startsWith(candidate, i));
    if (token) {
      const { name, pattern: tokenPattern } = TOKENS[token] as (typeof TOKENS)[string];
      order.push(name);
      pattern += tokenPattern;
      i += token.length;
    } else {
      pattern += (format[i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  for (const required of ['year', 'month', 'day'] as const) {
    if (!order.includes(required)) throw new Error(`date format "${format}" has no ${required} (use YYYY, MM and DD)`);
  }
  const regex = new RegExp(`^${pattern}$`);
  return (text) => {
    const match = regex.exec(text.trim());
    if (!match) throw new Error(`"${text}" does not match the date format ${format}`);
    const fields: Fields = {};
    order.forEach((name, i) => (fields[name] = Number(match[i + 1])));
    return toEpoch(text, fields, 0);
  };
}

/** Parses a date given on the command line (yyyymmdd or ISO), naming the option in the error. */
export function parseOptionDate(option: string, text: string): number {
  try {
    return parseAutomatic(text);
  } catch (error) {
    throw new Error(`--${option}: ${(error as Error).message}`, { cause: error });
  }
}

function parseAutomatic(text: string): number {
  const trimmed = text.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (compact) return toEpoch(text, { year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]) }, 0);
  const iso = ISO.exec(trimmed);
  if (!iso) throw new Error(`"${text}" is not a date (expected yyyymmdd or ISO 8601; name other formats with --date-format)`);
  const fields: Fields = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  if (iso[4] !== undefined) fields.hour = Number(iso[4]);
  if (iso[5] !== undefined) fields.minute = Number(iso[5]);
  if (iso[6] !== undefined) fields.second = Number(iso[6]);
  const offset = iso[8];
  let offsetMinutes = 0;
  if (offset !== undefined && offset !== 'Z') {
    const digits = offset.replace(':', '');
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return toEpoch(text, fields, offsetMinutes) + Number((iso[7] ?? '').padEnd(3, '0'));
}

function toEpoch(text: string, fields: Fields, offsetMinutes: number): number {
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = fields;
  const at = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(at);
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCDate() !== day ||
    date.getUTCMonth() !== month - 1 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new Error(`"${text}" is not a valid calendar date or time`);
  }
  return at - offsetMinutes * 60_000;
}
