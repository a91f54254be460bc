import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type Region = CountryCode;

/** Trims and folds runs of whitespace; an empty result means "no value". */
export function normaliseText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * A phone number in E.164 (+8613812345678), read in the workspace's default region when it has no country code;
 * null when it is not a valid number anywhere.
 */
export function normalisePhone(value: string, defaultRegion: Region): string | null {
  const parsed = parsePhoneNumberFromString(value.trim(), defaultRegion);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** Tags keep the case the user typed; two tags that differ only in case are one tag. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = normaliseText(raw);
    if (tag && !seen.has(tag.toLocaleLowerCase())) seen.set(tag.toLocaleLowerCase(), tag);
  }
  return [...seen.values()];
}
