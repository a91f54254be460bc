import type { RowBatch, SourceRow } from './csv';
import { ImportError } from './errors';

/**
 * The columns a card becomes, named as a spreadsheet export would name them, so the automatic mapping, cleaning and
 * duplicate detection treat a .vcf exactly like a CSV. List values (several emails) are joined with "; ".
 */
export const VCARD_COLUMNS = [
  'Name',
  'Last Name',
  'First Name',
  'Email',
  'Phone',
  'Company',
  'Title',
  'Address',
  'Birthday',
  'Notes',
  'Tags',
] as const;
type VCardColumn = (typeof VCARD_COLUMNS)[number];

export interface VCardFile extends RowBatch {
  header: string[];
}

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Splits at `separator` where it is not escaped with a backslash. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\' && i + 1 < value.length) {
      current += char + value[i + 1];
      i++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\:])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** `[group.]NAME[;PARAM=VALUE...]:value`; a ":" inside a quoted parameter value does not end the name part. */
function parseProperty(line: string): Property | null {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') inQuotes = !inQuotes;
    else if (line[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return null;
  const [nameWithGroup = '', ...rawParams] = line.slice(0, colon).split(';');
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    // vCard 2.1 allows a bare type ("TEL;CELL:...") and a bare encoding ("...;QUOTED-PRINTABLE:").
    const key = eq === -1 ? (/^quoted-printable$/i.test(raw) ? 'ENCODING' : 'TYPE') : raw.slice(0, eq).toUpperCase();
    const values = (eq === -1 ? raw : raw.slice(eq + 1)).replaceAll('"', '').split(',');
    params.set(key, [...(params.get(key) ?? []), ...values.map((v) => v.toUpperCase())]);
  }
  let value = line.slice(colon + 1);
  if (params.get('ENCODING')?.includes('QUOTED-PRINTABLE')) value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0] ?? 'utf-8');
  return { name: (nameWithGroup.split('.').at(-1) ?? '').toUpperCase(), params, value };
}

function isQuotedPrintable(line: string): boolean {
  const head = line.slice(0, line.indexOf(':') + 1);
  return /[;=]QUOTED-PRINTABLE[;:]/i.test(head);
}

/** Undoes line folding (a line starting with a space continues the previous one) and quoted-printable soft breaks. */
function unfold(text: string): Array<{ line: string; at: number }> {
  const logical: Array<{ line: string; at: number }> = [];
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  physical.forEach((line, index) => {
    const last = logical.at(-1);
    if (last && (line.startsWith(' ') || line.startsWith('\t'))) last.line += line.slice(1);
    else if (last && isQuotedPrintable(last.line) && last.line.endsWith('=')) last.line = last.line.slice(0, -1) + line;
    else logical.push({ line, at: index + 1 });
  });
  return logical;
}

function preferredFirst(properties: Property[]): Property[] {
  const isPreferred = (p: Property) => p.params.get('TYPE')?.includes('PREF') === true || p.params.has('PREF');
  return [...properties.filter(isPreferred), ...properties.filter((p) => !isPreferred(p))];
}

function cardToCells(properties: Property[]): string[] {
  const all = (name: string) => preferredFirst(properties.filter((p) => p.name === name));
  const first = (name: string) => all(name)[0];
  const cells: Record<VCardColumn, string> = {
    Name: unescapeText(first('FN')?.value ?? ''),
    'Last Name': '',
    'First Name': '',
    Email: all('EMAIL').map((p) => unescapeText(p.value).replace(/^mailto:/i, '')).join('; '),
    Phone: all('TEL').map((p) => unescapeText(p.value).replace(/^tel:/i, '')).join('; '),
    Company: '',
    Title: unescapeText(first('TITLE')?.value ?? ''),
    Address: all('ADR')
      .map((p) => splitUnescaped(p.value, ';').map(unescapeText).map((part) => part.trim()).filter(Boolean).join(', '))
      .filter(Boolean)
      .join('; '),
    Birthday: unescapeText(first('BDAY')?.value ?? ''),
    Notes: all('NOTE').map((p) => unescapeText(p.value)).join('\n'),
    Tags: all('CATEGORIES').flatMap((p) => splitUnescaped(p.value, ',').map(unescapeText)).join(', '),
  };
  const n = first('N');
  if (n) {
    const [family = '', given = ''] = splitUnescaped(n.value, ';').map(unescapeText);
    cells['Last Name'] = family;
    cells['First Name'] = given;
  }
  const org = first('ORG');
  if (org) cells.Company = unescapeText(splitUnescaped(org.value, ';')[0] ?? '');
  return VCARD_COLUMNS.map((column) => cells[column].trim());
}

/**
 * Reads a .vcf of one or many cards (vCard 2.1, 3.0 or 4.0) into rows of {@link VCARD_COLUMNS}. A card's `row` is the
 * line its BEGIN:VCARD is on, so the error report points into the file; a card that never ends is reported.
 */
export function parseVCards(text: string): VCardFile {
  const file: VCardFile = { header: [...VCARD_COLUMNS], rows: [], problems: [] };
  let card: { at: number; properties: Property[] } | null = null;
  for (const { line, at } of unfold(text)) {
    if (/^BEGIN:VCARD\s*$/i.test(line)) {
      if (card) file.problems.push({ row: card.at, code: 'unclosed_card', cells: cardToCells(card.properties) });
      card = { at, properties: [] };
    } else if (/^END:VCARD\s*$/i.test(line)) {
      if (card) file.rows.push({ row: card.at, cells: cardToCells(card.properties) } satisfies SourceRow);
      card = null;
    } else if (card && line.trim() !== '') {
      const property = parseProperty(line);
      if (property) card.properties.push(property);
    }
  }
  if (card) file.problems.push({ row: card.at, code: 'unclosed_card', cells: cardToCells(card.properties) });
  if (file.rows.length === 0 && file.problems.length === 0) throw new ImportError('no_cards');
  return file;
}
