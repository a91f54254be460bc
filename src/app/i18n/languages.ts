import { en, type MessageCatalog } from './en';
import { zhCN } from './zhCN';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogs: Record<Language, MessageCatalog> = { en, 'zh-CN': zhCN };

/** Each language names itself, so a reader of the other language can still find their own. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The best supported language for a list of BCP 47 tags in order of preference (navigator.languages). */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}
