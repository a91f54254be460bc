import { describe, expect, test } from 'vitest';
import { ImportError } from '../../../src/import/errors';
import { autoMapCustomers } from '../../../src/import/mapping';
import { VCARD_COLUMNS, parseVCards } from '../../../src/import/vcard';
import { fixtureText } from './fixtures';

const row = (cells: Partial<Record<(typeof VCARD_COLUMNS)[number], string>>) => VCARD_COLUMNS.map((column) => cells[column] ?? '');

describe('parseVCards', () => {
  test('vCard 3.0: CRLF, escapes, quoted-printable with a soft break inside a character, folding, PREF first', () => {
    const file = parseVCards(fixtureText('contacts-v3.vcf'));
    expect(file.header).toEqual([...VCARD_COLUMNS]);
    expect(file.problems).toEqual([]);
    expect(file.rows).toEqual([
      {
        row: 1,
        cells: row({
          Name: 'Dr. Zoë Müller',
          'Last Name': 'Müller',
          'First Name': 'Zoë',
          Email: 'Zoe.Mueller@Mail.example; zoe@example.de',
          Phone: '+49 151 23456789',
          Company: 'Müller, Schmidt & Co.',
          Title: 'Head of Research',
          Address: 'Unter den Linden 1, Berlin, 10117, Germany',
          Birthday: '1984-07-09',
          Notes: 'Met at the Berlin fair\nInterested in ä the premium plan',
          Tags: 'vip, trade fair',
        }),
      },
      {
        row: 16,
        cells: row({
          Name: '王芳',
          'Last Name': '王',
          'First Name': '芳',
          Phone: '138 1234 5678',
          Notes: 'This note is folded across two lines; it has a semicolon, a comma',
        }),
      },
    ]);
  });

  test('vCard 4.0: tel: URIs, quoted TYPE lists, a colon inside a quoted LABEL; an unfinished card is reported', () => {
    const file = parseVCards(fixtureText('contacts-v4.vcf'));
    expect(file.rows).toEqual([
      {
        row: 1,
        cells: row({
          Name: 'Chen Jing',
          'Last Name': 'Chen',
          'First Name': 'Jing',
          Email: 'chen.jing@example.cn',
          Phone: '+86-137-0000-1111; +86-10-6552-9988',
          Company: 'Example Trading Ltd.',
          Title: 'Purchasing Manager',
          Address: 'Jianguomen 1, Beijing, 100005, China',
          Birthday: '19900506',
          Notes: 'Prefers WeChat',
          Tags: 'supplier, asia',
        }),
      },
    ]);
    expect(file.problems).toEqual([
      { row: 15, code: 'unclosed_card', cells: row({ Name: 'Unfinished Card', Email: 'unfinished@example.com' }) },
    ]);
  });

  test('the columns map to customer fields like any CSV export', () => {
    const mapping = autoMapCustomers(VCARD_COLUMNS);
    expect(mapping.columns.map((rule) => (rule.kind === 'field' ? rule.field : rule.kind))).toEqual([
      'name', 'familyName', 'givenName', 'email', 'phone', 'company', 'title', 'address', 'birthday', 'needs', 'tags',
    ]);
  });

  test('a file without cards is refused', () => {
    expect(() => parseVCards('Name,Email\nx,y\n')).toThrow(new ImportError('no_cards'));
  });
});
