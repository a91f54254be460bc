import { expect, test } from 'vitest';
import { formatDuration, formatMoney, formatNumber, parseMoney } from '../../src/app/shared/format';

test('money in each currency and language, however the formatters are shared', () => {
  expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
  // Same language, another currency: yen have no minor unit.
  expect(formatMoney(123456, 'JPY', 'en')).toBe('¥123,456');
  expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
  expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
  expect(formatMoney(-5, 'EUR', 'de')).toBe('-0,05\u00a0€');
  expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  expect(formatNumber(1234567.5, 'de')).toBe('1.234.567,5');
});

test('amounts typed in either notation, in minor units of the currency', () => {
  expect(parseMoney('1,234.56', 'USD', 'en')).toBe(123456);
  expect(parseMoney('1.234,56 €', 'EUR', 'de')).toBe(123456);
  expect(parseMoney('¥1,234', 'JPY', 'en')).toBe(1234);
  expect(parseMoney('abc', 'USD', 'en')).toBeNull();
});

test('time left in seconds up to a minute and a half, then in minutes', () => {
  expect(formatDuration(400, 'en')).toBe('1 sec');
  expect(formatDuration(42_000, 'en')).toBe('42 sec');
  expect(formatDuration(89_400, 'en')).toBe('89 sec');
  expect(formatDuration(150_000, 'en')).toBe('3 min');
  expect(formatDuration(42_000, 'zh-CN')).toBe('42秒');
  expect(formatMoney(150, 'USD', 'en')).toBe('$1.50');
});
