import type { z } from 'zod';
import { CUSTOMER_DEFAULTS, CustomerFieldsSchema, type CustomerFields } from './customer';
import { normaliseEmail, normalisePhone, normaliseTags, normaliseText, type Region } from './normalise';

/** One problem with one field, in words the UI translates: `validation.<code>`. */
export interface FieldIssue {
  field: string;
  /** Position within a list field (the second phone number), when the problem is there. */
  index?: number;
  code: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** A change to a record: a field set to a value, or to null to clear it. */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export function toFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const [field, index] = issue.path;
    const out: FieldIssue = { field: String(field ?? ''), code: issue.message };
    if (typeof index === 'number') out.index = index;
    return out;
  });
}

export type CustomerInput = { [K in keyof CustomerFields]?: unknown };

/**
 * Cleans what a user typed (or a file held) into customer fields: trimmed text, lower-case emails, E.164 phones.
 * Phones that cannot be read stay as typed, so validation names them instead of silently dropping them.
 */
function cleanCustomerInput(input: CustomerInput, region: Region): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (key === 'emails' && Array.isArray(value)) {
      out[key] = [...new Set(value.map((v) => normaliseEmail(String(v))).filter(Boolean))];
    } else if (key === 'phones' && Array.isArray(value)) {
      const phones = value.map((v) => String(v).trim()).filter(Boolean);
      out[key] = [...new Set(phones.map((raw) => normalisePhone(raw, region) ?? raw))];
    } else if (key === 'tags' && Array.isArray(value)) {
      out[key] = normaliseTags(value.map(String));
    } else if (typeof value === 'string' && key !== 'needs') {
      const text = normaliseText(value);
      out[key] = text === '' ? null : text;
    } else if (typeof value === 'string') {
      out[key] = value.trim() === '' ? null : value.trim();
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function validateNewCustomer(input: CustomerInput, region: Region): Validated<CustomerFields> {
  const cleaned = Object.fromEntries(
    Object.entries({ ...CUSTOMER_DEFAULTS, ...cleanCustomerInput(input, region) }).filter(([, v]) => v !== null),
  );
  const result = CustomerFieldsSchema.safeParse(cleaned);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toFieldIssues(result.error.issues) };
}

/**
 * Checks a change to some fields of a record against the record's field schema; null clears a field, which is
 * refused for a field the schema requires.
 */
export function validatePatch<S extends z.ZodObject>(schema: S, input: Record<string, unknown>): Validated<Patch<z.infer<S>>> {
  const issues: FieldIssue[] = [];
  const toCheck: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    const fieldSchema = schema.shape[field] as z.ZodType | undefined;
    if (value === undefined) continue;
    if (!fieldSchema) issues.push({ field, code: 'unknown_field' });
    else if (value === null && !fieldSchema.safeParse(undefined).success) issues.push({ field, code: 'required' });
    else if (value !== null) toCheck[field] = value;
  }
  const result = schema.partial().safeParse(toCheck);
  if (!result.success) issues.push(...toFieldIssues(result.error.issues));
  if (issues.length) return { ok: false, issues };
  const patch: Record<string, unknown> = { ...result.data };
  for (const [field, value] of Object.entries(input)) if (value === null) patch[field] = null;
  return { ok: true, value: patch as Patch<z.infer<S>> };
}

export function validateCustomerPatch(input: CustomerInput, region: Region): Validated<Patch<CustomerFields>> {
  return validatePatch(CustomerFieldsSchema, cleanCustomerInput(input, region));
}
