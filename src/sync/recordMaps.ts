import * as Y from 'yjs';

// Conversions between a record and its nested Y.Map. Scalars, lists and small objects are stored as values (replaced
// whole); set fields (tags) are a Y.Map<member, true> so concurrent additions and removals merge.
//
// A map holds only what the record cannot imply: every field is a Yjs item of a few hundred bytes of heap once the
// document is decoded, and at 100k customers the customers document was most of the leader's ~540 MB. So the id is
// the map's key, `updatedAt`/`updatedBy` are written at the first edit (until then they are the creation stamp), and
// a field still at its kind's default (a customer's `consentSms: false`, no tags) is not written at creation, and the
// creation stamp, which never changes, is one value instead of three fields. Reading fills all of it back in, so
// nothing above this module sees the difference; maps written in full by earlier versions read the same.

export type Plain = Record<string, unknown>;

/** How one kind of record sits in its map. */
export interface RecordShape {
  /** Fields kept as Y.Map<member, true> so concurrent additions and removals merge. */
  setFields: readonly string[];
  /** What an absent field means. A field equal to its default is left out of a new record's map. */
  defaults: Readonly<Plain>;
}

/** A record with no set fields and no defaults (members, and each stamp written by an edit). */
export const PLAIN_SHAPE: RecordShape = { setFields: [], defaults: {} };

/** The key of the creation stamp: `[createdAt, createdBy]`, or `[createdAt, createdBy, createdOn]`. */
const CREATED = 'created';
const STAMP_FIELDS = ['createdAt', 'createdBy', 'createdOn'];

/** The new map of a record (its id and creation stamp included in `record`). */
export function createRecordMap(record: Plain, shape: RecordShape): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const { createdAt, createdBy, createdOn } = record;
  const stamped = typeof createdAt === 'number' && typeof createdBy === 'string' && (createdOn === undefined || typeof createdOn === 'string');
  if (stamped) map.set(CREATED, createdOn === undefined ? [createdAt, createdBy] : [createdAt, createdBy, createdOn]);
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined || field === 'id' || (stamped && STAMP_FIELDS.includes(field)) || implied(record, field, value, shape)) continue;
    if (shape.setFields.includes(field) && Array.isArray(value)) {
      const set = new Y.Map<true>();
      for (const member of value) set.set(String(member), true);
      map.set(field, set);
    } else {
      map.set(field, value);
    }
  }
  return map;
}

function implied(record: Plain, field: string, value: unknown, shape: RecordShape): boolean {
  if (field === 'updatedAt') return value === record.createdAt;
  if (field === 'updatedBy') return value === record.createdBy;
  return field in shape.defaults && sameValue(value, shape.defaults[field]);
}

/** The record kept under `id`, with what its map leaves implicit filled in; set fields come back as sorted arrays. */
export function readRecordMap(id: string, map: Y.Map<unknown>, shape: RecordShape): Plain {
  const out: Plain = {};
  // Copied, so a caller changing the record's list cannot change the default.
  for (const [field, value] of Object.entries(shape.defaults)) out[field] = Array.isArray(value) ? [...value] : value;
  let created: unknown;
  for (const [field, value] of map.entries()) {
    if (field === CREATED) created = value;
    else out[field] = value instanceof Y.Map ? [...value.keys()].sort() : value;
  }
  // A stamp that is not a list leaves the record without one, for validation to refuse.
  if (Array.isArray(created)) STAMP_FIELDS.forEach((field, index) => created[index] !== undefined && (out[field] ??= created[index]));
  out.id = id;
  if (out.updatedAt === undefined && out.createdAt !== undefined) out.updatedAt = out.createdAt;
  if (out.updatedBy === undefined && out.createdBy !== undefined) out.updatedBy = out.createdBy;
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
export function applyPatchToMap(map: Y.Map<unknown>, patch: Plain, shape: RecordShape): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(patch)) {
    if (to === undefined) continue;
    const current = map.get(field);
    if (shape.setFields.includes(field)) {
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
    const before = current === undefined ? shape.defaults[field] : current;
    if (to === null) {
      if (current !== undefined) {
        map.delete(field);
        changes.push({ field, from: current, to: null });
      }
    } else if (!sameValue(before, to)) {
      map.set(field, to);
      changes.push({ field, from: before ?? null, to });
    }
  }
  return changes;
}
