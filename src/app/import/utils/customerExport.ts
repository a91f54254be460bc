import Papa from 'papaparse';
import type { Customer } from '../../../domain/customer';

export const CSV_COLUMNS = ['name', 'title', 'company', 'email', 'phone', 'lifecycle', 'owner', 'tags'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface CsvLabels {
  columns: Record<CsvColumn, string>;
  lifecycle: (stage: Customer['lifecycle']) => string;
  owner: (memberId: string) => string;
}

/**
 * The customer list as a spreadsheet: the list's columns, in the reader's language, one row per customer in the
 * list's order. A BOM so Excel reads Chinese text; cells that look like formulas are escaped.
 */
export function customersCsv(customers: readonly Customer[], labels: CsvLabels): string {
  const data = customers.map((c) => {
    const cells: Record<CsvColumn, string> = {
      name: c.name,
      title: c.title ?? '',
      company: c.company ?? '',
      email: c.emails.join('; '),
      phone: c.phones.join('; '),
      lifecycle: labels.lifecycle(c.lifecycle),
      owner: c.ownerId ? labels.owner(c.ownerId) : '',
      tags: c.tags.join(', '),
    };
    return CSV_COLUMNS.map((column) => cells[column]);
  });
  const fields = CSV_COLUMNS.map((column) => labels.columns[column]);
  return '\uFEFF' + Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r\n|\n|\r/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');
}

/** Lines longer than 75 characters continue on the next line after a space (RFC 6350 §3.2). */
function fold(line: string): string {
  const chars = Array.from(line);
  if (chars.length <= 75) return line;
  const parts: string[] = [];
  for (let start = 0; start < chars.length; start += start === 0 ? 75 : 74) parts.push(chars.slice(start, start + (start === 0 ? 75 : 74)).join(''));
  return parts.join('\r\n ');
}

/** Customers as vCard 3.0, which phones and mail programs import. */
export function customersVCard(customers: readonly Customer[]): string {
  const cards = customers.map((c) => {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeText(c.name)}`, `N:;${escapeText(c.name)};;;`];
    if (c.company) lines.push(`ORG:${escapeText(c.company)}`);
    if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
    for (const email of c.emails) lines.push(`EMAIL;TYPE=INTERNET:${email}`);
    for (const phone of c.phones) lines.push(`TEL:${phone}`);
    if (c.address) lines.push(`ADR:;;${escapeText(c.address)};;;;`);
    if (c.birthday) lines.push(`BDAY:${c.birthday}`);
    if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
    if (c.needs) lines.push(`NOTE:${escapeText(c.needs)}`);
    lines.push(`UID:urn:uuid:${c.id}`, 'END:VCARD');
    return lines.map(fold).join('\r\n');
  });
  return cards.join('\r\n') + '\r\n';
}
