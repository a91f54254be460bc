import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, customersCsv, customersVCard } from '../../../src/app/import/utils/customerExport';
import { CUSTOMER_DEFAULTS, type Customer } from '../../../src/domain/customer';
import type { CustomerId, MemberId } from '../../../src/domain/ids';
import { parseVCards } from '../../../src/import/vcard';

const member = '019a0000-0000-7000-8000-00000000000a' as MemberId;
const customer = (id: string, fields: Partial<Customer>): Customer => ({
  ...CUSTOMER_DEFAULTS,
  emails: [],
  phones: [],
  tags: [],
  id: id as CustomerId,
  name: '',
  createdAt: 1,
  createdBy: member,
  updatedAt: 1,
  updatedBy: member,
  ...fields,
});
const WANG = customer('019a0000-0000-7000-8000-000000000001', {
  name: '王芳',
  company: 'Acme; 有限公司',
  title: 'Buyer',
  emails: ['wang@example.com', 'fang@example.com'],
  phones: ['+8613812345678'],
  tags: ['vip', 'apac'],
  lifecycle: 'customer',
  ownerId: member,
  address: '1 Main St, Springfield',
  birthday: '1980-04-03',
  needs: 'Line one\nLine two',
});
const FORMULA = customer('019a0000-0000-7000-8000-000000000002', { name: '=HYPERLINK("x")' });

describe('customer export', () => {
  test('CSV: the list columns in the reader’s language, a BOM, anything a spreadsheet would run escaped (a leading + too)', () => {
    const csv = customersCsv([WANG, FORMULA], {
      columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<(typeof CSV_COLUMNS)[number], string>,
      lifecycle: (stage) => `stage:${stage}`,
      owner: () => 'Alice',
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFNAME,TITLE,COMPANY,EMAIL,PHONE,LIFECYCLE,OWNER,TAGS',
      `王芳,Buyer,Acme; 有限公司,wang@example.com; fang@example.com,"'+8613812345678",stage:customer,Alice,"vip, apac"`,
      `"'=HYPERLINK(""x"")",,,,,stage:lead,,`,
    ]);
  });

  test('vCard 3.0 reads back through the importer with every field', () => {
    const text = customersVCard([WANG]);
    expect(text).toContain('ORG:Acme\\; 有限公司\r\n');
    const file = parseVCards(text);
    expect(file.problems).toEqual([]);
    const cells = Object.fromEntries(file.header.map((column, i) => [column, file.rows[0]?.cells[i]]));
    expect(cells).toEqual({
      Name: '王芳',
      'Last Name': '',
      'First Name': '王芳',
      Email: 'wang@example.com; fang@example.com',
      Phone: '+8613812345678',
      Company: 'Acme; 有限公司',
      Title: 'Buyer',
      Address: '1 Main St, Springfield',
      Birthday: '1980-04-03',
      Notes: 'Line one\nLine two',
      Tags: 'vip, apac',
    });
  });
});
