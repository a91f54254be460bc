import { describe, expect, test } from 'vitest';
import {
  cleanAmount,
  cleanBoolean,
  cleanDate,
  cleanDateTime,
  cleanEmail,
  cleanName,
  cleanPhone,
  cleanText,
  guessDateOrder,
  splitList,
} from '../../../src/import/values';

describe('text and names', () => {
  test.each([
    ['  Acme   Inc. ', 'Acme Inc.', ['trimmed', 'spaces_collapsed']],
    ['Acme\tInc.', 'Acme Inc.', ['spaces_collapsed']],
    ['Acme', 'Acme', []],
  ])('cleanText(%j) → %j', (raw, value, rules) => {
    expect(cleanText(raw)).toEqual({ ok: true, value, rules });
  });

  test.each([
    ["JOHN O'BRIEN", "John O'Brien", ['name_case']],
    ['mary-jane smith', 'Mary-Jane Smith', ['name_case']],
    ['  li   wei ', 'Li Wei', ['trimmed', 'spaces_collapsed', 'name_case']],
    ['王 芳', '王芳', ['han_spaces_removed']],
    ['McDonald', 'McDonald', []],
    ['Ludwig van Beethoven', 'Ludwig van Beethoven', []],
    ['ZOË MÜLLER', 'Zoë Müller', ['name_case']],
  ])('cleanName(%j) → %j', (raw, value, rules) => {
    expect(cleanName(raw)).toEqual({ ok: true, value, rules });
  });
});

describe('emails and phones', () => {
  test.each([
    [' Mary.Smith@Acme.COM ', 'mary.smith@acme.com', ['trimmed', 'lower_cased']],
    ['mailto:bob@x.org', 'bob@x.org', ['mailto_removed']],
    ['ok@example.com', 'ok@example.com', []],
  ])('cleanEmail(%j) → %j', (raw, value, rules) => {
    expect(cleanEmail(raw)).toEqual({ ok: true, value, rules });
  });

  test.each(['not-an-email', 'a@b', 'two@@example.com'])('cleanEmail(%j) is invalid', (raw) => {
    expect(cleanEmail(raw)).toEqual({ ok: false, code: 'invalid_email' });
  });

  test.each([
    ['138 1234 5678', 'CN', '+8613812345678'],
    ['+86 139-0000-1111', 'US', '+8613900001111'],
    ['(415) 555-0132', 'US', '+14155550132'],
    ['１３８１２３４５６７８', 'CN', '+8613812345678'],
    ['030 1234567', 'DE', '+49301234567'],
  ] as const)('cleanPhone(%j, %s) → %s', (raw, region, value) => {
    expect(cleanPhone(raw, region)).toEqual({ ok: true, value, rules: ['phone_e164'] });
  });

  test('a number valid nowhere is reported', () => {
    expect(cleanPhone('12345', 'CN')).toEqual({ ok: false, code: 'invalid_phone' });
    expect(cleanPhone('+8613812345678', 'CN')).toEqual({ ok: true, value: '+8613812345678', rules: [] });
  });

  test('list cells split on the separators exports use', () => {
    expect(splitList('a@x.com ::: b@x.com')).toEqual(['a@x.com', 'b@x.com']);
    expect(splitList('vip，北京；大客户、2024|x, y;')).toEqual(['vip', '北京', '大客户', '2024', 'x', 'y']);
  });
});

describe('dates', () => {
  test.each([
    ['2024-03-05', 'dmy', '2024-03-05'],
    ['2024/3/5', 'dmy', '2024-03-05'],
    ['20240305', 'mdy', '2024-03-05'],
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['03/05/2024', 'mdy', '2024-03-05'],
    ['5.3.24', 'dmy', '2024-03-05'],
    ['5/3/85', 'dmy', '1985-03-05'],
    ['2024年3月5日', 'dmy', '2024-03-05'],
    ['２０２４年３月５号', 'dmy', '2024-03-05'],
    ['45356', 'dmy', '2024-03-05'],
    ['45356.75', 'dmy', '2024-03-05'],
    ['5 Mar 2024', 'mdy', '2024-03-05'],
    ['March 5th, 2024', 'dmy', '2024-03-05'],
    ['2024-03-05T23:30:00Z', 'dmy', '2024-03-05'],
    ['1990-02-28', 'mdy', '1990-02-28'],
  ] as const)('cleanDate(%j, %s) → %s', (raw, order, value) => {
    expect(cleanDate(raw, order)).toEqual({ ok: true, value, rules: raw === value ? [] : ['date_iso'] });
  });

  test.each([['31/02/2024', 'dmy'], ['13/13/2024', 'mdy'], ['1985', 'dmy'], ['yesterday', 'dmy'], ['2024-02-30', 'dmy']] as const)(
    'cleanDate(%j, %s) is invalid',
    (raw, order) => {
      expect(cleanDate(raw, order)).toEqual({ ok: false, code: 'invalid_date' });
    },
  );

  test.each([
    ['19970101', Date.UTC(1997, 0, 1)],
    ['2024-03-05 14:30', Date.UTC(2024, 2, 5, 14, 30)],
    ['2024-03-05T14:30:15.5Z', Date.UTC(2024, 2, 5, 14, 30, 15, 500)],
    ['2024-03-05T14:30:00+08:00', Date.UTC(2024, 2, 5, 6, 30)],
    ['2024年3月5日 09:05', Date.UTC(2024, 2, 5, 9, 5)],
  ])('cleanDateTime(%j) → %d', (raw, value) => {
    expect(cleanDateTime(raw, 'dmy')).toEqual({ ok: true, value, rules: ['date_iso'] });
  });

  test('the order of day and month comes from the column when a value gives it away', () => {
    expect(guessDateOrder(['01/02/2024', '25/12/2024'])).toBe('dmy');
    expect(guessDateOrder(['01/02/2024', '12/25/2024'])).toBe('mdy');
    expect(guessDateOrder(['01/02/2024', '2024-12-25'])).toBeNull();
  });
});

describe('amounts', () => {
  test.each([
    ['$1,234.50', 'USD', '.', 123450, 'USD'],
    ['1.234,50 €', 'USD', '.', 123450, 'EUR'],
    ['¥1,200', 'CNY', '.', 120000, 'CNY'],
    ['¥1,200', 'JPY', '.', 1200, 'JPY'],
    ['￥88.80', 'USD', '.', 8880, 'CNY'],
    ['1 234,50', 'EUR', '.', 123450, 'EUR'],
    ['1\u00a0234,50 €', 'EUR', '.', 123450, 'EUR'],
    ["CHF 1'234.50", 'EUR', '.', 123450, 'CHF'],
    ['USD 12', 'CNY', '.', 1200, 'USD'],
    ['12.00 EUR', 'CNY', '.', 1200, 'EUR'],
    ['RMB 88', 'USD', '.', 8800, 'CNY'],
    ['88元', 'USD', '.', 8800, 'CNY'],
    ['(12.00)', 'USD', '.', -1200, 'USD'],
    ['-$5', 'USD', '.', -500, 'USD'],
    ['1,234', 'USD', '.', 123400, 'USD'],
    ['1.234', 'EUR', ',', 123400, 'EUR'],
    ['1,5', 'EUR', '.', 150, 'EUR'],
    ['1,234,567.89', 'USD', '.', 123456789, 'USD'],
    ['11.77', 'USD', '.', 1177, 'USD'],
    ['0', 'USD', '.', 0, 'USD'],
  ] as const)('cleanAmount(%j, %s, %j) → %d %s', (raw, currency, decimal, amountMinor, expected) => {
    expect(cleanAmount(raw, currency, decimal)).toEqual({ ok: true, value: { amountMinor, currency: expected }, rules: ['amount_minor'] });
  });

  test.each([
    ['abc', 'invalid_amount'],
    ['12.345', 'too_many_decimals'],
    ['1,23,4', 'invalid_amount'],
    ['$12 €', 'invalid_amount'],
    ['1.2.3,4,5', 'invalid_amount'],
  ])('cleanAmount(%j) fails with %s', (raw, code) => {
    expect(cleanAmount(raw, 'USD', '.')).toEqual({ ok: false, code });
  });

  test('a currency column must agree with a symbol in the amount', () => {
    expect(cleanAmount('12.50', 'USD', '.', 'EUR')).toEqual({ ok: true, value: { amountMinor: 1250, currency: 'EUR' }, rules: ['amount_minor'] });
    expect(cleanAmount('$12.50', 'USD', '.', 'EUR')).toEqual({ ok: false, code: 'currency_mismatch' });
  });
});

describe('booleans', () => {
  test.each([['yes', true], ['Y', true], ['TRUE', true], ['1', true], ['是', true], ['no', false], ['否', false], ['0', false], ['False', false]])(
    'cleanBoolean(%j) → %s',
    (raw, value) => {
      expect(cleanBoolean(raw)).toEqual({ ok: true, value, rules: ['boolean'] });
    },
  );

  test('anything else is reported', () => {
    expect(cleanBoolean('maybe')).toEqual({ ok: false, code: 'invalid_boolean' });
  });
});
