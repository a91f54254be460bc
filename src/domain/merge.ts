import { CUSTOMER_FIELDS, type Customer, type CustomerField, type CustomerFields } from './customer';
import type { CustomerId } from './ids';
import { normaliseTags } from './normalise';
import type { Patch } from './validation';

/** Why a field of the merged customer has its value; the UI translates `merge.rule.<rule>`. */
export type MergeRule = 'same_value' | 'non_empty' | 'most_recent' | 'union' | 'concatenated';

export interface MergeValue {
  id: CustomerId;
  value: unknown;
}

/** One field on which the records differ: the value kept, whose values it came from, whose were set aside. */
export interface FieldDecision {
  /** A customer field, or `custom.<key>` for a custom field. */
  field: string;
  value: unknown;
  rule: MergeRule;
  won: MergeValue[];
  lost: MergeValue[];
}

export interface MergePlan {
  /** The record that stays; the others are soft-deleted and their interactions, deals and tickets move to it. */
  survivorId: CustomerId;
  mergedIds: CustomerId[];
  fields: CustomerFields;
  decisions: FieldDecision[];
  /** The change to the survivor, and the change that puts it back (null: the field was empty). */
  patch: Patch<CustomerFields>;
  undo: Patch<CustomerFields>;
}

const LIST_LIMITS = { emails: 10, phones: 10, tags: 50 } as const;
type ListField = keyof typeof LIST_LIMITS;
const isListField = (field: string): field is ListField => field in LIST_LIMITS;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Non-empty beats empty; among different non-empty values the most recently updated record wins. */
function decideScalar(field: string, values: readonly MergeValue[]): FieldDecision | null {
  const present = values.filter((v) => !isEmpty(v.value));
  const winner = present[0];
  if (!winner) return null;
  const won = present.filter((v) => same(v.value, winner.value));
  const lost = present.filter((v) => !same(v.value, winner.value));
  const rule: MergeRule = lost.length ? 'most_recent' : present.length < values.length ? 'non_empty' : 'same_value';
  return { field, value: winner.value, rule, won, lost };
}

function decideList(field: ListField, values: readonly MergeValue[]): FieldDecision {
  const all = values.flatMap((v) => v.value as string[]);
  const union = field === 'tags' ? normaliseTags(all) : [...new Set(all)];
  const kept = union.slice(0, LIST_LIMITS[field]);
  const overflow = new Set(union.slice(LIST_LIMITS[field]));
  const contributors = values.filter((v) => !isEmpty(v.value));
  const lost = contributors
    .map((v) => ({ id: v.id, value: (v.value as string[]).filter((item) => overflow.has(item)) }))
    .filter((v) => v.value.length);
  const agreed = contributors.every((v) => same(v.value, kept));
  const rule: MergeRule = !agreed ? 'union' : contributors.length && contributors.length < values.length ? 'non_empty' : 'same_value';
  return { field, value: kept, rule, won: contributors, lost };
}

function decideNeeds(values: readonly MergeValue[]): FieldDecision | null {
  const present = values.filter((v) => !isEmpty(v.value));
  const texts = [...new Set(present.map((v) => String(v.value)))];
  if (!texts.length) return null;
  const rule: MergeRule = texts.length > 1 ? 'concatenated' : present.length < values.length ? 'non_empty' : 'same_value';
  return { field: 'needs', value: texts.join('\n\n'), rule, won: present, lost: [] };
}

/**
 * Plans the merge of two or more records of one customer: the survivor (the given one, else the oldest, whose id
 * other records most likely point at) takes, per field, the value the rules choose; emails, phones and tags are
 * unions, needs are joined, custom fields merge key by key. Every decision names the values that won and lost, so
 * the UI can show it and the merge can be undone.
 */
export function planMerge(customers: readonly Customer[], survivorId?: CustomerId): MergePlan {
  if (customers.length < 2) throw new Error('planMerge: a merge needs at least two customers');
  const oldest = [...customers].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0];
  const survivor = customers.find((c) => c.id === (survivorId ?? oldest?.id));
  if (!survivor) throw new Error(`planMerge: survivor ${survivorId} is not among the customers`);
  // Most recent first; the survivor leads among equals so a tie keeps its value.
  const byRecency = [...customers].sort((a, b) => b.updatedAt - a.updatedAt || Number(b.id === survivor.id) - Number(a.id === survivor.id));
  // Lists and notes keep the survivor's entries first, in the order the user already knows.
  const survivorFirst = [survivor, ...customers.filter((c) => c.id !== survivor.id)];

  const decisions: FieldDecision[] = [];
  const fields: Record<string, unknown> = {};
  const keep = (decision: FieldDecision | null, target: Record<string, unknown>, key: string) => {
    if (!decision) return;
    target[key] = decision.value;
    if (decision.rule !== 'same_value') decisions.push(decision);
  };
  for (const field of CUSTOMER_FIELDS) {
    if (field === 'custom') continue;
    const values = (order: readonly Customer[]) => order.map((c) => ({ id: c.id, value: c[field] }));
    if (isListField(field)) keep(decideList(field, values(survivorFirst)), fields, field);
    else if (field === 'needs') keep(decideNeeds(values(survivorFirst)), fields, field);
    else keep(decideScalar(field, values(byRecency)), fields, field);
  }
  const customKeys = [...new Set(customers.flatMap((c) => Object.keys(c.custom ?? {})))];
  if (customKeys.length) {
    const custom: Record<string, unknown> = {};
    for (const key of customKeys) {
      const decision = decideScalar(`custom.${key}`, byRecency.map((c) => ({ id: c.id, value: c.custom?.[key] })));
      if (decision) custom[key] = decision.value;
      if (decision && decision.rule !== 'same_value') decisions.push(decision);
    }
    fields.custom = custom;
  }

  const merged = fields as CustomerFields;
  const patch: Record<string, unknown> = {};
  const undo: Record<string, unknown> = {};
  for (const field of CUSTOMER_FIELDS) {
    const before = survivor[field as CustomerField];
    if (!same(before, merged[field])) {
      patch[field] = merged[field] ?? null;
      undo[field] = before ?? null;
    }
  }
  return {
    survivorId: survivor.id,
    mergedIds: customers.filter((c) => c.id !== survivor.id).map((c) => c.id),
    fields: merged,
    decisions,
    patch: patch as Patch<CustomerFields>,
    undo: undo as Patch<CustomerFields>,
  };
}
