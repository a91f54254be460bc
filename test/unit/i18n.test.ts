import { describe, expect, test } from 'vitest';
import { catalogs, LANGUAGES, pickLanguage } from '../../src/app/i18n/languages';

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('i18n catalogs', () => {
  const english = flatten(catalogs.en);

  test.each(LANGUAGES.filter((lang) => lang !== 'en'))('%s has exactly the English keys', (lang) => {
    const other = flatten(catalogs[lang]);
    const missing = [...english.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  test.each(LANGUAGES)('%s messages are non-empty and use the same placeholders as English', (lang) => {
    for (const [key, text] of flatten(catalogs[lang])) {
      expect(text.trim(), `${lang}: ${key} is empty`).not.toBe('');
      expect(placeholders(text), `${lang}: ${key}`).toEqual(placeholders(english.get(key) ?? ''));
    }
  });

  test('the comparison catches a missing key', () => {
    const broken = flatten({ ...catalogs['zh-CN'], nav: { home: '首页' } });
    const expected = Object.keys(catalogs.en.nav).filter((key) => key !== 'home').map((key) => `nav.${key}`);
    expect(expected).toContain('nav.settings');
    expect([...english.keys()].filter((key) => !broken.has(key))).toEqual(expected);
  });
});

describe('pickLanguage', () => {
  test.each([
    [['zh-CN', 'en'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh'], 'zh-CN'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ] as const)('%j -> %s', (preferred, expected) => {
    expect(pickLanguage(preferred)).toBe(expected);
  });
});
