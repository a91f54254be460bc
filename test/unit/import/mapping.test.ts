import { describe, expect, test } from 'vitest';
import { autoMapCustomers, autoMapInteractions, checkCustomerMapping, type ColumnRule } from '../../../src/import/mapping';

const brief = (rule: ColumnRule) => (rule.kind === 'field' ? rule.field : rule.kind === 'custom' ? `custom:${rule.key}` : 'ignore');
const mapped = (header: string[]) => autoMapCustomers(header).columns.map(brief);

describe('autoMapCustomers', () => {
  test('HubSpot contacts export', () => {
    expect(mapped(['First Name', 'Last Name', 'Email', 'Phone Number', 'Mobile Phone Number', 'Company Name', 'Job Title',
      'Lifecycle Stage', 'Street Address', 'City', 'State/Region', 'Postal Code', 'Country/Region', 'Record ID', 'Contact owner'])).toEqual([
      'givenName', 'familyName', 'email', 'phone', 'phone', 'company', 'title', 'lifecycle', 'address', 'address', 'address',
      'address', 'address', 'custom:Record ID', 'custom:Contact owner',
    ]);
  });

  test('Salesforce contacts report', () => {
    expect(mapped(['First Name', 'Last Name', 'Account Name', 'Title', 'Email', 'Phone', 'Mobile', 'Mailing Street',
      'Mailing City', 'Mailing State/Province', 'Mailing Zip/Postal Code', 'Mailing Country', 'Birthdate', 'Lead Source',
      'Description'])).toEqual([
      'givenName', 'familyName', 'company', 'title', 'email', 'phone', 'phone', 'address', 'address', 'address', 'address',
      'address', 'birthday', 'source', 'needs',
    ]);
  });

  test('Google Contacts export (old and new column names); type and label columns are not data', () => {
    expect(mapped(['Name', 'Given Name', 'Family Name', 'Birthday', 'Notes', 'Group Membership', 'E-mail 1 - Type',
      'E-mail 1 - Value', 'E-mail 2 - Value', 'Phone 1 - Type', 'Phone 1 - Value', 'Address 1 - Formatted',
      'Address 1 - City', 'Organization 1 - Name', 'Organization 1 - Title', 'Labels'])).toEqual([
      'name', 'givenName', 'familyName', 'birthday', 'needs', 'tags', 'ignore', 'email', 'email', 'ignore', 'phone',
      'address', 'ignore', 'company', 'title', 'tags',
    ]);
  });

  test('Chinese headers', () => {
    expect(mapped(['姓名', '手机', '电话', '邮箱', '电子邮件', '公司', '职位', '地址', '生日', '性别', '标签', '备注', '客户来源', '微信号'])).toEqual([
      'name', 'phone', 'phone', 'email', 'email', 'company', 'title', 'address', 'birthday', 'gender', 'tags', 'needs',
      'source', 'custom:微信号',
    ]);
    expect(mapped(['姓', '名', '名字'])).toEqual(['familyName', 'givenName', 'name']);
  });

  test('a second column for a one-value field becomes a custom field instead of overwriting', () => {
    expect(mapped(['Name', 'Full Name', 'Company', 'Employer', ''])).toEqual(['name', 'custom:Full Name', 'company', 'custom:Employer', 'ignore']);
    expect(autoMapCustomers(['Name', 'Extra'], 'ignore').columns.map(brief)).toEqual(['name', 'ignore']);
  });
});

describe('checkCustomerMapping', () => {
  test('names what an edited mapping gets wrong', () => {
    expect(checkCustomerMapping({
      header: ['a', 'b', 'c', 'd'],
      columns: [
        { kind: 'field', field: 'email' },
        { kind: 'field', field: 'title' },
        { kind: 'field', field: 'title' },
        { kind: 'custom', key: 'x' },
      ],
    })).toEqual([{ code: 'no_name_column' }, { code: 'field_mapped_twice', field: 'title', columns: [1, 2] }]);
    expect(checkCustomerMapping(autoMapCustomers(['First Name', 'Last Name', 'Email', 'Email']))).toEqual([]);
  });
});

describe('autoMapInteractions', () => {
  test('CDNOW purchases: id key, date, dollar value; the CD count has no interaction field', () => {
    expect(autoMapInteractions(['customer_id', 'date', 'number_of_cds', 'dollar_value'])).toEqual({
      header: ['customer_id', 'date', 'number_of_cds', 'dollar_value'],
      customerKey: { column: 0, by: 'id' },
      at: 1,
      type: null,
      defaultType: 'purchase',
      amount: 3,
      currency: null,
      subject: null,
      body: null,
      score: null,
      scale: null,
      defaultScale: 'nps',
    });
  });

  test('a survey export: the score column, its scale from the header or a column of its own, the comment', () => {
    expect(autoMapInteractions(['email', 'answered at', 'NPS', 'comment'], 'note')).toMatchObject({ customerKey: { column: 0, by: 'email' }, at: 1, score: 2, scale: null, defaultScale: 'nps', body: 3 });
    expect(autoMapInteractions(['客户编号', '日期', '满意度', '评论'], 'note')).toMatchObject({ score: 2, defaultScale: 'csat', body: 3 });
    expect(autoMapInteractions(['id', 'date', 'score', 'survey type'], 'note')).toMatchObject({ score: 2, scale: 3 });
  });

  test('an order export keyed by email, in Chinese', () => {
    expect(autoMapInteractions(['订单日期', '邮箱', '商品', '实付金额', '币种', '备注'], 'purchase')).toMatchObject({
      customerKey: { column: 1, by: 'email' },
      at: 0,
      amount: 3,
      currency: 4,
      subject: 2,
      body: 5,
    });
  });
});
