import { describe, expect, test } from 'vitest';
import { cleanCustomerRow, cleanInteractionRow, combineName, errorReportCsv, type CleanOptions, type RowIssue } from '../../../src/import/clean';
import { readDelimited, type SourceRow } from '../../../src/import/csv';
import { autoMapCustomers, autoMapInteractions } from '../../../src/import/mapping';
import { fixtureText } from './fixtures';

const CN: CleanOptions = { region: 'CN', dateOrder: 'dmy', decimalSeparator: '.', defaultCurrency: 'CNY' };
const US: CleanOptions = { region: 'US', dateOrder: 'mdy', decimalSeparator: '.', defaultCurrency: 'USD' };

function rowsOf(text: string): { header: string[]; rows: SourceRow[] } {
  const reader = readDelimited(text);
  const rows: SourceRow[] = [];
  for (let step = reader.next(); ; step = reader.next()) {
    if (step.done) return { header: step.value, rows };
    rows.push(...step.value.rows);
  }
}

const DEFAULTS = { kind: 'person', lifecycle: 'lead', emails: [], phones: [], tags: [], consentEmail: false, consentSms: false, consentPhone: false };

describe('cleanCustomerRow', () => {
  const { header, rows } = rowsOf(fixtureText('messy-customers.csv'));
  const mapping = autoMapCustomers(header);
  const cleaned = rows.map((row) => cleanCustomerRow(row, mapping, CN));

  test('a messy but valid row: every change listed with its rule, unmapped columns kept as custom fields', () => {
    expect(cleaned[0]).toEqual({
      row: 2,
      changes: [
        { row: 2, column: 0, from: '  Li   Wei ', to: 'Li Wei', rules: ['trimmed', 'spaces_collapsed'] },
        { row: 2, column: 1, from: 'LI.WEI@EXAMPLE.COM', to: 'li.wei@example.com', rules: ['lower_cased'] },
        { row: 2, column: 2, from: '138-1234-5678', to: '+8613812345678', rules: ['phone_e164'] },
        { row: 2, column: 3, from: '05/03/1990', to: '1990-03-05', rules: ['date_iso'] },
        { row: 2, column: 5, from: 'yes', to: 'true', rules: ['boolean'] },
        { row: 2, column: 6, from: '男', to: 'male', rules: ['choice'] },
      ],
      issues: [],
      value: {
        ...DEFAULTS,
        name: 'Li Wei',
        emails: ['li.wei@example.com'],
        phones: ['+8613812345678'],
        birthday: '1990-03-05',
        gender: 'male',
        tags: ['vip', '北京'],
        consentEmail: true,
        custom: { 'Amount Spent': '$1,234.50' },
      },
    });
  });

  test('each bad value refuses its row with the column and reason', () => {
    const issue = (row: number, column: number, value: string, code: string): RowIssue => ({ row, column, value, code, severity: 'error' });
    expect(cleaned.slice(1).map((row) => [row.value, row.issues])).toEqual([
      [undefined, [issue(3, 1, 'not-an-email', 'invalid_email')]],
      [undefined, [issue(4, 2, '12345', 'invalid_phone')]],
      [undefined, [issue(5, 3, '31/02/1990', 'invalid_date')]],
      [undefined, [issue(6, 0, '', 'required')]],
      [undefined, [issue(7, 5, 'maybe', 'invalid_boolean')]],
      [undefined, [issue(8, 6, 'robot', 'invalid_choice')]],
    ]);
  });

  test('the error report: one CSV line per issue, BOM for Excel, formulas escaped', () => {
    const issues = cleaned.flatMap((row) => row.issues);
    issues.push({ row: 9, column: null, value: '=HYPERLINK("http://evil")', code: 'too_few_cells', severity: 'error' });
    expect(errorReportCsv(issues, header)).toBe(
      '\uFEFFrow,column,value,reason\r\n' +
        '3,Email,not-an-email,invalid_email\r\n' +
        '4,Phone,12345,invalid_phone\r\n' +
        '5,Birthday,31/02/1990,invalid_date\r\n' +
        '6,Name,,required\r\n' +
        '7,Email Opt In,maybe,invalid_boolean\r\n' +
        '8,Gender,robot,invalid_choice\r\n' +
        `9,,"'=HYPERLINK(""http://evil"")",too_few_cells`,
    );
  });

  test('HubSpot: first + last name combined, address parts joined in column order, stages folded', () => {
    const hubspot = rowsOf(fixtureText('hubspot-contacts.csv'));
    const hubspotMapping = autoMapCustomers(hubspot.header);
    const [mary, john] = hubspot.rows.map((row) => cleanCustomerRow(row, hubspotMapping, US).value);
    expect(mary).toEqual({
      ...DEFAULTS,
      name: 'Mary Smith',
      emails: ['mary.smith@acme.com'],
      phones: ['+14155550132'],
      company: 'Acme Inc.',
      title: 'VP Sales',
      lifecycle: 'customer',
      address: '1 Market St, San Francisco, United States',
      custom: { 'Record ID': '101', 'Create Date': '2024-01-15 10:12' },
    });
    expect(john).toMatchObject({ name: "John O'Brien", lifecycle: 'prospect', address: 'New York, United States' });
  });

  test('a Chinese file: family + given names join without a space, 年月日 birthdays, phones in the default region', () => {
    const { header: zhHeader, rows: zhRows } = rowsOf('姓,名,手机,生日,性别,标签\n王,芳,138 1234 5678,1990年5月6日,女,大客户；北京\nSmith,Mary,+1 415 555 0132,1985/12/3,F,\n');
    const zhMapping = autoMapCustomers(zhHeader);
    expect(zhRows.map((row) => cleanCustomerRow(row, zhMapping, CN).value)).toEqual([
      { ...DEFAULTS, name: '王芳', phones: ['+8613812345678'], birthday: '1990-05-06', gender: 'female', tags: ['大客户', '北京'] },
      { ...DEFAULTS, name: 'Mary Smith', phones: ['+14155550132'], birthday: '1985-12-03', gender: 'female' },
    ]);
  });

  test('a company-only row takes the company as its name, with a warning', () => {
    const { header: h, rows: r } = rowsOf('Company,Email,Emails\nAcme Ltd,info@acme.com,"sales@acme.com; INFO@acme.com"\n');
    const result = cleanCustomerRow(r[0] as SourceRow, autoMapCustomers(h), US);
    expect(result.value).toEqual({ ...DEFAULTS, kind: 'company', name: 'Acme Ltd', company: 'Acme Ltd', emails: ['info@acme.com', 'sales@acme.com'] });
    expect(result.issues).toEqual([{ row: 2, column: 0, value: 'Acme Ltd', code: 'name_from_company', severity: 'warning' }]);
    expect(result.changes).toEqual([
      { row: 2, column: 2, from: 'sales@acme.com; INFO@acme.com', to: 'sales@acme.com; info@acme.com', rules: ['lower_cased', 'list_split'] },
    ]);
  });

  test('a value past the schema limit is reported on its column', () => {
    const result = cleanCustomerRow({ row: 2, cells: ['x'.repeat(201)] }, autoMapCustomers(['Name']), US);
    expect(result.issues).toEqual([{ row: 2, column: 0, value: 'x'.repeat(201), code: 'too_long', severity: 'error' }]);
  });

  test('combineName', () => {
    expect(combineName('芳', '王')).toBe('王芳');
    expect(combineName('Mary', 'Smith')).toBe('Mary Smith');
    expect(combineName('Mary', undefined)).toBe('Mary');
    expect(combineName(undefined, undefined)).toBeUndefined();
  });
});

describe('cleanInteractionRow', () => {
  const mapping = autoMapInteractions(['customer_id', 'date', 'number_of_cds', 'dollar_value']);

  test('a CDNOW purchase', () => {
    expect(cleanInteractionRow({ row: 2, cells: ['00001', '19970101', '1', '11.77'] }, mapping, US)).toEqual({
      row: 2,
      value: { customerKey: { by: 'id', value: '00001' }, type: 'purchase', at: Date.UTC(1997, 0, 1), amountMinor: 1177, currency: 'USD' },
      changes: [
        { row: 2, column: 1, from: '19970101', to: '1997-01-01T00:00:00.000Z', rules: ['date_iso'] },
        { row: 2, column: 3, from: '11.77', to: '1177 USD', rules: ['amount_minor'] },
      ],
      issues: [],
    });
  });

  test('a purchase without an amount breaks the interaction rules; a bad date and an empty key are reported', () => {
    const issues = (cells: string[]) => cleanInteractionRow({ row: 5, cells }, mapping, US).issues.map((i) => [i.column, i.code]);
    expect(issues(['00001', '19970101', '1', ''])).toEqual([[3, 'required']]);
    expect(issues(['00001', '1997-13-01', '1', '5'])).toEqual([[1, 'invalid_date']]);
    expect(issues(['', '19970101', '1', '5'])).toEqual([[0, 'required']]);
  });

  test('types, currencies and keys by email from an order export', () => {
    const orders = autoMapInteractions(['Date', 'Email', 'Type', 'Amount', 'Currency', 'Notes']);
    const row = { row: 2, cells: ['2024-03-05 14:30', 'Mary@Acme.com', '投诉', '', '', 'Late delivery'] };
    expect(cleanInteractionRow(row, orders, CN).value).toEqual({
      customerKey: { by: 'email', value: 'mary@acme.com' },
      type: 'complaint',
      at: Date.UTC(2024, 2, 5, 14, 30),
      body: 'Late delivery',
    });
    const sale = { row: 3, cells: ['2024-03-05', 'mary@acme.com', 'order', '1.234,50', 'EUR', ''] };
    expect(cleanInteractionRow(sale, orders, CN).value).toMatchObject({ type: 'purchase', amountMinor: 123450, currency: 'EUR' });
  });

  test('survey answers: a score makes a survey answer on the scale its header names or its own column gives; a bad score names its cell', () => {
    const nps = autoMapInteractions(['email', 'date', 'NPS', 'comment'], 'note');
    expect(cleanInteractionRow({ row: 2, cells: ['ann@example.com', '2025-05-01', ' 9 ', 'Quick delivery'] }, nps, US).value).toEqual({
      customerKey: { by: 'email', value: 'ann@example.com' },
      type: 'survey',
      at: Date.UTC(2025, 4, 1),
      body: 'Quick delivery',
      score: 9,
      scoreScale: 'nps',
    });
    const issues = (cells: string[], mapping = nps) => cleanInteractionRow({ row: 7, cells }, mapping, US).issues.map((i) => [i.column, i.value, i.code]);
    expect(issues(['ann@example.com', '2025-05-01', '11', ''])).toEqual([[2, '11', 'out_of_range']]);
    expect(issues(['ann@example.com', '2025-05-01', 'great', ''])).toEqual([[2, 'great', 'invalid_score']]);
    const mixed = autoMapInteractions(['email', 'date', 'score', 'survey type'], 'note');
    expect(cleanInteractionRow({ row: 3, cells: ['bo@example.com', '2025-05-02', '4', 'CSAT'] }, mixed, US).value).toMatchObject({ type: 'survey', score: 4, scoreScale: 'csat' });
    expect(issues(['bo@example.com', '2025-05-02', '6', 'csat'], mixed)).toEqual([[2, '6', 'out_of_range']]);
    // A row without a score keeps the file's other type.
    expect(cleanInteractionRow({ row: 4, cells: ['bo@example.com', '2025-05-03', '', 'nps'] }, mixed, US).value).toMatchObject({ type: 'note' });
  });
});
