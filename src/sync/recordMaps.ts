import * as Y from 'yjs';

// Conversions between a record's plain fields and its nested Y.Map. Scalars, lists and small objects are stored as
// values (replaced whole); set fields (tags) are a Y.Map<member, true> so concurrent additions and removals merge.

export type Plain = Record<string, unknown>;

export function createRecordMap(fields: Plain, setFields: readonly string[]): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (setFields.includes(field) && Array.isArray(value)) {
      const set = new Y.Map<true>();
      for (const member of value) set.set(String(member), true);
      map.set(field, set);
    } else {
      map.set(field, value);
    }
  }
  return map;
}

/** The record as plain data; set fields come back as sorted arrays. */
export function readRecordMap(map: Y.Map<unknown>): Plain {
  const out: Plain = {};
  for (const [field, value] of map.entries()) {
    out[field] = value instanceof Y.Map ? [...value.keys()].sort() : value;
  }
  return out;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Plain)[k], (b as Plain)[k]));
  }
  return false;
}

/**
 * Writes a patch into a record's map, touching only fields whose value changes (an unchanged field written again
 * would still win over a peer's concurrent edit). null clears a field. Returns what changed, for the audit trail.
 */
export function applyPatchToMap(map: Y.Map<unknown>, patch: Plain, setFields: readonly string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const current = map.get(field);
    if (setFields.includes(field)) {
      const wanted = new Set(Array.isArray(to) ? to.map(String) : []);
      const set = current instanceof Y.Map ? (current as Y.Map<true>) : new Y.Map<true>();
      const before = [...set.keys()].sort();
      if (!(current instanceof Y.Map)) map.set(field, set);
      for (const member of before) if (!wanted.has(member)) set.delete(member);
      for (const member of wanted) if (!set.has(member)) set.set(member, true);
      const after = [...wanted].sort();
      if (!sameValue(before, after)) changes.push({ field, from: before, to: after });
      continue;
    }
    if (to === null) {
      if (current !== undefined) {
        map.delete(field);
        changes.push({ field, from: current, to: null });
      }
    } else if (!sameValue(current, to)) {
      map.set(field, to);
      changes.push({ field, from: current ?? null, to });
    }
  }
  return changes;
}
