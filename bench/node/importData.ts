// Helpers of bench/suites/import.mjs, run with tsx:
//   tsx bench/node/importData.ts csv <customers> <path>   writes a customer CSV (demo customers, as a CRM exports them)
//   tsx bench/node/importData.ts dedupe <customers>        prints the time to find duplicates of N rows among N customers
import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { CustomerFields } from '../../src/domain/customer';
import { generateDemo } from '../../src/domain/demo';
import { existingCustomerIndex, type ExistingCustomer } from '../../src/import/pipeline';

const SEED = 20_261_123;

function demoCustomers(count: number): Array<{ id: string; fields: CustomerFields }> {
  const out: Array<{ id: string; fields: CustomerFields }> = [];
  for (const item of generateDemo({ seed: SEED, customers: count, now: Date.UTC(2025, 5, 30), interactionsPerCustomer: 4 })) {
    out.push({ id: item.customer.id, fields: item.customer.fields });
  }
  return out;
}

function writeCsv(count: number, path: string): void {
  const rows = demoCustomers(count).map(({ fields }) => [
    fields.name,
    fields.emails.join('; '),
    fields.phones.join('; '),
    fields.company ?? '',
    fields.title ?? '',
    fields.tags.join(', '),
    fields.lifecycle,
  ]);
  writeFileSync(path, Papa.unparse({ fields: ['Name', 'Email', 'Phone', 'Company', 'Title', 'Tags', 'Lifecycle Stage'], data: rows }));
}

function subject(id: string, fields: CustomerFields): ExistingCustomer {
  return { id, name: fields.name, company: fields.company, emails: fields.emails, phones: fields.phones };
}

/** N customers in the workspace and N incoming rows, a tenth of which are workspace customers again (as a re-export would hold). */
function dedupe(count: number): { ms: number; matches: number } {
  const all = demoCustomers(count * 2);
  const existing = all.slice(0, count).map(({ id, fields }) => subject(id, fields));
  const incoming = all.slice(count).map(({ id, fields }, index) => (index % 10 === 0 ? { ...(existing[index] as ExistingCustomer), id } : subject(id, fields)));
  const started = performance.now();
  const index = existingCustomerIndex(existing);
  let matches = 0;
  for (const row of incoming) matches += index.matchAndAdd({ ...row, ref: { source: 'existing', id: row.id } }).length;
  return { ms: Math.round(performance.now() - started), matches };
}

const [mode, count, path] = process.argv.slice(2);
if (mode === 'csv' && path) writeCsv(Number(count), path);
else if (mode === 'dedupe') process.stdout.write(`${JSON.stringify(dedupe(Number(count)))}\n`);
else throw new Error('usage: importData.ts csv <customers> <path> | dedupe <customers>');
