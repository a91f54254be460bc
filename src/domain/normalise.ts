import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

export type Region = CountryCode;

/** Trims and folds runs of whitespace; an empty result means "no value". */
export function normaliseText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Numbers read lately: parsing one costs tens of µs (libphonenumber's metadata regexes), and imports read many. */
const readPhones = new Map<string, string | null>();
const READ_PHONES_KEPT = 4096;

/**
 * A phone number in E.164 (+8613812345678), read in the workspace's default region when it has no country code;
 * null when it is not a valid number anywhere.
 */
export function normalisePhone(value: string, defaultRegion: Region): string | null {
  const key = `${defaultRegion} ${value}`;
  const known = readPhones.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(value.trim(), defaultRegion);
  const number = parsed && parsed.isValid() ? parsed.number : null;
  if (readPhones.size >= READ_PHONES_KEPT) readPhones.clear();
  readPhones.set(key, number);
  // Cleaning a row reads its phones, then validating the cleaned row reads the E.164 results again: a number in
  // E.164 reads as itself, so the second reading is this table's.
  if (number !== null) readPhones.set(`${defaultRegion} ${number}`, number);
  return number;
}

/** Tags keep the case the user typed; two tags that differ only in case are one tag. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = normaliseText(raw);
    // Not toLocaleLowerCase: devices set to different languages must agree on which tags are one.
    const folded = tag.toLowerCase();
    if (tag && !seen.has(folded)) seen.set(folded, tag);
  }
  return [...seen.values()];
}
