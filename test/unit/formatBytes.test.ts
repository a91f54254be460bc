import { expect, test } from 'vitest';
import { formatBytes } from '../../src/app/shared/formatBytes';

test.each([
  [0, 'en', '0 byte'],
  [999, 'en', '999 byte'],
  [1_500, 'en', '1.5 kB'],
  [52_428_800, 'en', '52 MB'],
  [3_200_000_000, 'en', '3.2 GB'],
  [3_200_000_000, 'zh-CN', '3.2 GB'],
])('formatBytes(%d, %s) = %s', (bytes, locale, expected) => {
  expect(formatBytes(bytes, locale)).toBe(expected);
});
