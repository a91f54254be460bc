import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { errorReportCsv, type CleanOptions } from '../../../src/import/clean';
import { readDelimited, type DelimitedOptions, type RowBatch } from '../../../src/import/csv';
import { decodeText } from '../../../src/import/encoding';
import { groupDuplicates } from '../../../src/import/duplicates';
import { autoMapCustomers, autoMapInteractions } from '../../../src/import/mapping';
import { existingCustomerIndex, importCustomerBatch, importInteractionBatch, type CustomerBatchResult } from '../../../src/import/pipeline';
import { parseVCards } from '../../../src/import/vcard';
import { SHARED_DATA, fixtureBytes, fixtureText } from './fixtures';

const US: CleanOptions = { region: 'US', dateOrder: 'mdy', decimalSeparator: '.', defaultCurrency: 'USD' };
const CN: CleanOptions = { region: 'CN', dateOrder: 'dmy', decimalSeparator: '.', defaultCurrency: 'CNY' };

function batchesOf(text: string, chunkChars?: number, options: DelimitedOptions = {}): { header: string[]; batches: RowBatch[] } {
  const reader = readDelimited(text, options, chunkChars);
  const batches: RowBatch[] = [];
  for (let step = reader.next(); ; step = reader.next()) {
    if (step.done) return { header: step.value, batches };
    batches.push(step.value);
  }
}

function merged(results: CustomerBatchResult[]): CustomerBatchResult {
  return {
    customers: results.flatMap((r) => r.customers),
    issues: results.flatMap((r) => r.issues),
    changes: results.flatMap((r) => r.changes),
    duplicates: results.flatMap((r) => r.duplicates),
  };
}

describe('customer import, batch by batch', () => {
  test('a HubSpot export against a workspace: duplicates in the file and with an existing customer', () => {
    const { header, batches } = batchesOf(fixtureText('hubspot-contacts.csv'), 200, { delimiter: ',' });
    expect(batches.length).toBeGreaterThan(1);
    const mapping = autoMapCustomers(header);
    const index = existingCustomerIndex([{ id: 'existing-ana', name: 'Ana Garcia', emails: [], phones: ['+34612345678'] }]);
    const result = merged(batches.map((batch) => importCustomerBatch(batch, mapping, US, index)));
    expect(result.issues).toEqual([]);
    expect(result.customers.map((c) => [c.row, c.value.name, c.value.emails, c.value.lifecycle])).toEqual([
      [2, 'Mary Smith', ['mary.smith@acme.com'], 'customer'],
      [3, "John O'Brien", ['john@globex.com'], 'prospect'],
      [4, 'Jon Obrien', ['j.obrien@globex.com'], 'lead'],
      [5, 'Ana García', ['ana.garcia@example.es'], 'prospect'],
      [6, 'Mary Smith', ['mary.smith@acme.com'], 'customer'],
    ]);
    expect(result.duplicates).toEqual([
      { a: { source: 'file', row: 4 }, b: { source: 'file', row: 3 }, reasons: ['name_company'], score: 0.878 },
      { a: { source: 'file', row: 5 }, b: { source: 'existing', id: 'existing-ana' }, reasons: ['phone'], score: 1 },
      { a: { source: 'file', row: 6 }, b: { source: 'file', row: 2 }, reasons: ['email'], score: 1 },
    ]);
    expect(groupDuplicates(result.duplicates)).toHaveLength(3);
    expect(result.changes.filter((c) => c.row === 3).map((c) => [c.column, c.to])).toEqual([
      [0, 'John'],
      [1, "O'Brien"],
      [3, '+12125550188'],
      [6, 'prospect'],
    ]);
  });

  test('re-importing the same file finds every row again, by email', () => {
    const { header, batches } = batchesOf(fixtureText('hubspot-contacts.csv'));
    const mapping = autoMapCustomers(header);
    const first = merged(batches.map((batch) => importCustomerBatch(batch, mapping, US, existingCustomerIndex([]))));
    const workspace = first.customers.map((c, i) => ({ id: `c${i}`, ...c.value }));
    const again = merged(batches.map((batch) => importCustomerBatch(batch, mapping, US, existingCustomerIndex(workspace))));
    const againstWorkspace = again.duplicates.filter((d) => d.b.source === 'existing' && d.reasons.includes('email'));
    expect(new Set(againstWorkspace.map((d) => d.a.source === 'file' && d.a.row))).toEqual(new Set([2, 3, 4, 5, 6]));
  });

  test('every bad row of the messy file is in the error report; the good row gets through', () => {
    const { header, batches } = batchesOf(fixtureText('messy-customers.csv'));
    const result = merged(batches.map((batch) => importCustomerBatch(batch, autoMapCustomers(header), CN, existingCustomerIndex([]))));
    expect(result.customers.map((c) => c.row)).toEqual([2]);
    expect(errorReportCsv(result.issues, header)).toBe(
      '\uFEFFrow,column,value,reason\r\n' +
        '3,Email,not-an-email,invalid_email\r\n' +
        '4,Phone,12345,invalid_phone\r\n' +
        '5,Birthday,31/02/1990,invalid_date\r\n' +
        '6,Name,,required\r\n' +
        '7,Email Opt In,maybe,invalid_boolean\r\n' +
        '8,Gender,robot,invalid_choice\r\n' +
        '9,,Ragged | ragged@example.com,too_few_cells\r\n' +
        '10,,"Open quote,open@example.com,,,,,,\r\nAfter Open,after@example.com,,,,,,\r\n",unclosed_quote',
    );
  });

  test('a GB18030 file and a vCard take the same road', () => {
    const { header, batches } = batchesOf(decodeText(fixtureBytes('chinese-gb18030.csv')).text);
    const chinese = merged(batches.map((batch) => importCustomerBatch(batch, autoMapCustomers(header), CN, existingCustomerIndex([]))));
    expect(chinese.customers.map((c) => [c.value.name, c.value.phones, c.value.company, c.value.birthday])).toEqual([
      ['王芳', ['+8613812345678'], '华为技术有限公司', '1990-05-06'],
      ['李伟', ['+8613900001111'], '腾讯', '1985-12-03'],
    ]);
    const cards = parseVCards(fixtureText('contacts-v3.vcf'));
    const index = existingCustomerIndex([{ id: 'wang', name: '王芳', company: '华为', emails: [], phones: ['+8613812345678'] }]);
    const vcf = importCustomerBatch(cards, autoMapCustomers(cards.header), CN, index);
    expect(vcf.issues).toEqual([]);
    expect(vcf.customers.map((c) => c.value)).toEqual([
      expect.objectContaining({
        name: 'Dr. Zoë Müller',
        emails: ['zoe.mueller@mail.example', 'zoe@example.de'],
        phones: ['+4915123456789'],
        company: 'Müller, Schmidt & Co.',
        birthday: '1984-07-09',
        tags: ['vip', 'trade fair'],
      }),
      expect.objectContaining({ name: '王芳', phones: ['+8613812345678'] }),
    ]);
    expect(vcf.duplicates).toEqual([{ a: { source: 'file', row: 16 }, b: { source: 'existing', id: 'wang' }, reasons: ['phone'], score: 1 }]);
  });
});

describe('interaction import', () => {
  test('CDNOW_master.txt maps as a purchase history: 69,659 purchases of 23,570 customers', () => {
    const text = readFileSync(join(SHARED_DATA, 'cdnow/CDNOW_master.txt'), 'utf8');
    const { header, batches } = batchesOf(text);
    const mapping = autoMapInteractions(header);
    let purchases = 0;
    let cents = 0;
    let first = Infinity;
    let last = -Infinity;
    const customers = new Set<string>();
    const types = new Set<string>();
    const issues = [];
    for (const batch of batches) {
      const result = importInteractionBatch(batch, mapping, US);
      issues.push(...result.issues);
      for (const { value } of result.interactions) {
        purchases++;
        customers.add(value.customerKey.value);
        cents += value.amountMinor ?? 0;
        first = Math.min(first, value.at);
        last = Math.max(last, value.at);
        types.add(value.type);
      }
    }
    expect(issues).toEqual([]);
    expect([...types]).toEqual(['purchase']);
    expect(purchases).toBe(69_659);
    expect(customers.size).toBe(23_570);
    expect(cents).toBe(250_031_563);
    expect([new Date(first).toISOString(), new Date(last).toISOString()]).toEqual(['1997-01-01T00:00:00.000Z', '1998-06-30T00:00:00.000Z']);
  }, 60_000);
});
