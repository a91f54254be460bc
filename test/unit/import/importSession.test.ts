import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ImportChunk } from '../../../src/data/api/importApi';
import { autoMapCustomers, autoMapInteractions } from '../../../src/import/mapping';
import { decisionOf, type ImportSettings, type PreviewGroup } from '../../../src/workers/importContract';
import {
  commitImport,
  findWorkspaceDuplicates,
  ImportRefused,
  inspectFile,
  interactionSignature,
  jobRecordId,
  previewImport,
  type FileSource,
  type WorkspaceCustomer,
} from '../../../src/workers/importSession';
import { SHARED_DATA } from './fixtures';

const JOB = '019a0000-0000-7000-8000-000000000000';

function source(text: string, name = 'people.csv'): FileSource {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async (start, end) => bytes.slice(start, end) };
}

function settings(text: string, overrides: Partial<ImportSettings> = {}): ImportSettings {
  const header = text.split('\n')[0]?.split(',') ?? [];
  return {
    workspaceId: 'w',
    kind: 'customers',
    format: 'delimited',
    hasHeader: true,
    customerMapping: autoMapCustomers(header),
    interactionMapping: autoMapInteractions(header),
    clean: { region: 'US', dateOrder: 'dmy', decimalSeparator: '.', defaultCurrency: 'USD' },
    mode: 'valid',
    ...overrides,
  };
}

async function run(text: string, existing: WorkspaceCustomer[] = [], overrides: Partial<ImportSettings> = {}, decisions: Record<string, 'merge' | 'keep' | 'skip'> = {}, resumeAfterRow = 0) {
  const input = { source: source(text), settings: settings(text, overrides), existing };
  const preview = await previewImport(input);
  const chunks: ImportChunk[] = [];
  await commitImport({ ...input, preview, choices: { decisions }, jobId: JOB, resumeAfterRow, emit: async (chunk) => void chunks.push(structuredClone(chunk)) });
  return { preview, chunks, customers: chunks.flatMap((c) => c.customers), updates: chunks.flatMap((c) => c.updates) };
}

const PEOPLE = [
  'Name,Email,Phone,Birthday',
  'Ann Lee,ANN@Example.com,(202) 555-0101,03/04/1980',
  'Bob Stone,bob@example,202-555-0102,',
  ',nobody@example.com,,',
  'Cy Young,cy@example.com,202 555 0103,31/02/1990',
  'Dee Ray, dee@example.com ,,1985-07-09',
].join('\n');

describe('preview and commit of a customer file', () => {
  test('every invalid value is reported by row, column and reason; only valid rows are written', async () => {
    const { preview, customers } = await run(PEOPLE);
    expect(preview).toMatchObject({ rowsRead: 5, validRows: 2, invalidRows: 3, issueCount: 3, groups: [], lastRow: 6 });
    expect(preview.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, 1, 'invalid_email'],
      [4, 0, 'required'],
      [5, 3, 'invalid_date'],
    ]);
    expect(preview.errorReport.split('\r\n')).toEqual(['\uFEFFrow,column,value,reason', '3,Email,bob@example,invalid_email', '4,Name,,required', '5,Birthday,31/02/1990,invalid_date']);
    expect(preview.changes.find((c) => c.row === 2 && c.column === 1)).toMatchObject({ from: 'ANN@Example.com', to: 'ann@example.com' });
    expect(preview.changeReport.split('\r\n')[0]).toBe('\uFEFFrow,column,from,to,rules');
    expect(customers.map((c) => [c.id, c.fields.name, c.fields.emails, c.fields.phones, c.fields.birthday])).toEqual([
      [jobRecordId(JOB, 4), 'Ann Lee', ['ann@example.com'], ['+12025550101'], '1980-04-03'],
      [jobRecordId(JOB, 12), 'Dee Ray', ['dee@example.com'], [], '1985-07-09'],
    ]);
  });

  test('"import nothing if any row is invalid" refuses the whole file and emits nothing', async () => {
    const input = { source: source(PEOPLE), settings: settings(PEOPLE, { mode: 'all' }), existing: [] };
    const preview = await previewImport(input);
    const chunks: ImportChunk[] = [];
    await expect(commitImport({ ...input, preview, choices: { decisions: {} }, jobId: JOB, resumeAfterRow: 0, emit: async (c) => void chunks.push(c) })).rejects.toBeInstanceOf(ImportRefused);
    expect(chunks).toEqual([]);
  });

  test('a resumed commit sends only the rows after the last written one', async () => {
    const { customers } = await run(PEOPLE, [], {}, {}, 2);
    expect(customers.map((c) => c.fields.name)).toEqual(['Dee Ray']);
  });
});

const DUPLICATES = [
  'Name,Email,Title,Company',
  'Wang Fang,wang@example.com,Buyer,',
  'Li Lei,li@example.com,,Acme',
  'Lei Li,lei@example.com,CTO,',
  'Li Lei,li@example.com,,',
  'Zhang Wei,zhang@example.com,,Beta Ltd',
  'Zhang Wei,,,Beta Ltd',
].join('\n');
const EXISTING: WorkspaceCustomer[] = [{ id: '019a0000-0000-7000-8000-0000000000aa', name: 'Fang Wang', emails: ['wang@example.com'], phones: [] }];

describe('duplicates', () => {
  test('found against the workspace and within the file, with scores and suggested choices', async () => {
    const { preview } = await run(DUPLICATES, EXISTING);
    const groups = preview.groups.map((g) => ({ key: g.key, members: g.members.map((m) => (m.ref.source === 'file' ? m.ref.row : m.ref.id)), reasons: g.reasons, score: g.score, suggested: g.suggested }));
    expect(groups).toEqual([
      { key: '2', members: [2, EXISTING[0]?.id], reasons: ['email'], score: 1, suggested: 'merge' },
      { key: '3', members: [5, 3], reasons: ['email'], score: 1, suggested: 'merge' },
      { key: '6', members: [7, 6], reasons: ['name_company'], score: 1, suggested: 'merge' },
    ]);
  });

  test('merge (the default for a shared email) updates the workspace customer and folds file rows into one', async () => {
    const { customers, updates } = await run(DUPLICATES, EXISTING);
    expect(updates).toEqual([{ id: EXISTING[0]?.id, fields: { name: 'Wang Fang', emails: ['wang@example.com'], title: 'Buyer' } }]);
    expect(customers.map((c) => [c.id, c.fields.name, c.fields.emails, c.fields.company ?? null])).toEqual([
      [jobRecordId(JOB, 8), 'Lei Li', ['lei@example.com'], null],
      [jobRecordId(JOB, 6), 'Li Lei', ['li@example.com'], 'Acme'],
      [jobRecordId(JOB, 12), 'Zhang Wei', ['zhang@example.com'], 'Beta Ltd'],
    ]);
  });

  test('keep both writes every row; skip leaves the workspace customer alone and keeps the first row of the file', async () => {
    const kept = await run(DUPLICATES, EXISTING, {}, { '2': 'keep', '3': 'keep', '6': 'keep' });
    expect(kept.customers).toHaveLength(6);
    expect(kept.updates).toEqual([]);
    const skipped = await run(DUPLICATES, EXISTING, {}, { '2': 'skip', '3': 'skip', '6': 'skip' });
    expect(skipped.customers.map((c) => c.fields.name)).toEqual(['Li Lei', 'Lei Li', 'Zhang Wei']);
    expect(skipped.updates).toEqual([]);
  });

  test('a re-import of the same file, once written, matches every row to its customer', async () => {
    const first = await run(PEOPLE);
    const existing = first.customers.map((c, index) => ({ id: `019a2222-0000-7000-8000-${String(index).padStart(12, '0')}`, name: c.fields.name, emails: c.fields.emails, phones: c.fields.phones }));
    const again = await run(PEOPLE, existing);
    expect(again.customers).toEqual([]);
    expect(again.updates.map((u) => u.id)).toEqual(existing.map((c) => c.id));
  });

  test('the workspace view groups customers already in it', () => {
    const groups = findWorkspaceDuplicates([
      { id: 'a', name: 'Ann Lee', emails: ['ann@example.com'], phones: [] },
      { id: 'b', name: 'Anne Lee', emails: ['ann@example.com'], phones: [] },
      { id: 'c', name: 'Bob Stone', emails: [], phones: [] },
    ]);
    expect(groups).toEqual([{ members: [{ id: 'b', name: 'Anne Lee', email: 'ann@example.com' }, { id: 'a', name: 'Ann Lee', email: 'ann@example.com' }], reasons: ['email'], score: 1 }]);
  });
});

describe('other formats', () => {
  test('an .xlsx sheet: dates, numbers and empty cells become text, blank rows are skipped, rows keep their sheet number', async () => {
    const sheet = [
      ['Name', 'Email', 'Birthday', 'Customer number'],
      ['Ann Lee', 'ann@example.com', new Date(Date.UTC(1980, 3, 3)), 1042],
      [null, null, null, null],
      ['Bob Stone', null, null, 7],
    ];
    const xlsx: FileSource = { name: 'people.xlsx', size: 4, read: async () => new Uint8Array([0x50, 0x4b, 3, 4]) };
    const inspection = await inspectFile(xlsx, { hasHeader: true }, async () => sheet);
    expect(inspection).toMatchObject({ format: 'xlsx', encoding: null, header: ['Name', 'Email', 'Birthday', 'Customer number'] });
    expect(inspection.sample).toEqual([
      ['Ann Lee', 'ann@example.com', '1980-04-03', '1042'],
      ['Bob Stone', '', '', '7'],
    ]);
    const preview = await previewImport({ source: xlsx, existing: [], readSheet: async () => sheet, settings: { ...settings('Name,Email,Birthday,Customer number'), format: 'xlsx' } });
    expect(preview).toMatchObject({ rowsRead: 2, validRows: 2, invalidRows: 0, lastRow: 4 });
  });

  test('a .vcf goes through the same preview as a spreadsheet', async () => {
    const cards = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\nEMAIL:bob@\r\nEND:VCARD\r\n';
    const vcf = source(cards, 'contacts.vcf');
    const inspection = await inspectFile(vcf, { hasHeader: true });
    expect(inspection.format).toBe('vcard');
    const preview = await previewImport({ source: vcf, existing: [], settings: { ...settings(''), format: 'vcard', customerMapping: inspection.customerMapping } });
    expect(preview).toMatchObject({ rowsRead: 2, validRows: 1, invalidRows: 1 });
    expect(preview.issues.map((i) => [i.row, preview.header[i.column ?? -1], i.code])).toEqual([[6, 'Email', 'invalid_email']]);
  });
});

describe('history files', () => {
  const CDNOW = readFileSync(join(SHARED_DATA, 'cdnow/CDNOW_master.txt'), 'latin1').split('\n').slice(0, 401).join('\n');

  test('CDNOW: the header is mapped, each unknown customer id becomes one customer, purchases point at it', async () => {
    const file = source(CDNOW, 'CDNOW_master.txt');
    const inspection = await inspectFile(file, { hasHeader: true });
    expect(inspection.format).toBe('delimited');
    expect(inspection.interactionMapping).toMatchObject({ customerKey: { column: 0, by: 'id' }, at: 1, amount: 3 });
    const base = { source: file, existing: [], settings: { ...settings(''), kind: 'interactions' as const, interactionMapping: inspection.interactionMapping, customerMapping: inspection.customerMapping } };
    const preview = await previewImport(base);
    const ids = new Set(CDNOW.split('\n').slice(1).map((line) => line.trim().split(/\s+/)[0]));
    expect(preview).toMatchObject({ rowsRead: 400, validRows: 400, invalidRows: 0, newCustomers: ids.size });
    const chunks: ImportChunk[] = [];
    await commitImport({ ...base, preview, choices: { decisions: {} }, jobId: JOB, resumeAfterRow: 0, emit: async (c) => void chunks.push(c) });
    const customers = chunks.flatMap((c) => c.customers);
    const interactions = chunks.flatMap((c) => c.interactions);
    expect(customers).toHaveLength(ids.size);
    expect(customers[0]?.fields).toMatchObject({ name: '00001', custom: { externalId: '00001' }, lifecycle: 'customer' });
    expect(interactions).toHaveLength(400);
    expect(interactions[0]?.fields).toEqual({ customerId: customers[0]?.id, type: 'purchase', at: Date.UTC(1997, 0, 1), amountMinor: 1177, currency: 'USD' });

    // Imported again once those customers exist: every purchase finds its customer by the external id.
    const existing = customers.map((c, index) => ({ id: `019a1111-0000-7000-8000-${String(index).padStart(12, '0')}`, name: c.fields.name, emails: [], phones: [], externalId: String(c.fields.custom?.externalId) }));
    const again = await previewImport({ ...base, existing });
    expect(again).toMatchObject({ newCustomers: 0, knownInteractions: 0 });

    // Once the purchases are there too, importing the file again adds none of them.
    const idOf = new Map(customers.map((c, index) => [c.id, existing[index]?.id ?? '']));
    const existingInteractions = new Map<string, number>();
    for (const { fields } of interactions) {
      const signature = interactionSignature(idOf.get(fields.customerId) ?? '', fields.type, fields.at, fields.amountMinor);
      existingInteractions.set(signature, (existingInteractions.get(signature) ?? 0) + 1);
    }
    const third = await previewImport({ ...base, existing, existingInteractions });
    expect(third).toMatchObject({ newCustomers: 0, knownInteractions: 400 });
    const rewritten: ImportChunk[] = [];
    await commitImport({ ...base, existing, existingInteractions, preview: third, choices: { decisions: {} }, jobId: JOB, resumeAfterRow: 0, emit: async (c) => void rewritten.push(c) });
    expect(rewritten).toEqual([]);
  });

  test('a survey export: NPS answers of known customers come in as survey interactions with score, scale and comment', async () => {
    const file = source(['email,answered at,NPS,comment', 'wang@example.com,2025-05-01,9,Quick delivery', 'wang@example.com,2025-06-01,12,'].join('\n'), 'nps.csv');
    const inspection = await inspectFile(file, { hasHeader: true });
    const base = { source: file, existing: EXISTING, settings: { ...settings(''), kind: 'interactions' as const, interactionMapping: inspection.interactionMapping, customerMapping: inspection.customerMapping } };
    const preview = await previewImport(base);
    expect(preview).toMatchObject({ rowsRead: 2, validRows: 1, invalidRows: 1, newCustomers: 0 });
    expect(preview.issues.map((i) => [i.row, preview.header[i.column ?? -1], i.value, i.code])).toEqual([[3, 'NPS', '12', 'out_of_range']]);
    const chunks: ImportChunk[] = [];
    await commitImport({ ...base, preview, choices: { decisions: {} }, jobId: JOB, resumeAfterRow: 0, emit: async (c) => void chunks.push(c) });
    expect(chunks.flatMap((c) => c.interactions).map((i) => i.fields)).toEqual([
      { customerId: EXISTING[0]?.id, type: 'survey', at: Date.UTC(2025, 4, 1), body: 'Quick delivery', score: 9, scoreScale: 'nps' },
    ]);
  });
});

test('a group gets the user’s decision for it, else the bulk choice, else its suggestion', () => {
  const group = { key: '7', members: [], reasons: ['email'], score: 1, hasExisting: false, suggested: 'merge' } satisfies PreviewGroup;
  expect(decisionOf(group, { decisions: {} })).toBe('merge');
  expect(decisionOf(group, { decisions: {}, bulk: 'keep' })).toBe('keep');
  expect(decisionOf(group, { decisions: { '7': 'skip' }, bulk: 'keep' })).toBe('skip');
  expect(decisionOf(group, { decisions: { '8': 'skip' }, bulk: 'keep' })).toBe('keep');
});
