import * as Y from 'yjs';

// Conversions between a record and its nested Y.Map. Scalars, lists and small objects are stored as values (replaced
// whole). A set field (tags) keeps each member as a key of the record's own map, `tags:vip` → true, so concurrent
// additions and removals merge member by member. Earlier versions kept a nested Y.Map<member, true> per set; that
// cost a map object per record and, once empty sets were left out, lost a tag when two people gave a customer its
// first tags at once (each created a new nested map, one of which won). Nested sets still read and are edited in
// place.
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
  /** Fields kept member by member (`field:member` → true) so concurrent additions and removals merge. */
  setFields: readonly string[];
  /** What an absent field means. A field equal to its default is left out of a new record's map. */
  defaults: Readonly<Plain>;
}

/** A record with no set fields and no defaults (members, and each stamp written by an edit). */
export const PLAIN_SHAPE: RecordShape = { setFields: [], defaults: {} };

/** The key of the creation stamp: `[createdAt, createdBy]`, or `[createdAt, createdBy, createdOn]`. */
const CREATED = 'created';
const STAMP_FIELDS = ['createdAt', 'createdBy', 'createdOn'];

/** A set field's member as a key of the record's map. Field names hold no colon, so the first one splits the key. */
const memberKey = (field: string, member: string) => `${field}:${member}`;

/** The new map of a record (its id and creation stamp included in `record`). */
export function createRecordMap(record: Plain, shape: RecordShape): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const { createdAt, createdBy, createdOn } = record;
  const stamped = typeof createdAt === 'number' && typeof createdBy === 'string' && (createdOn === undefined || typeof createdOn === 'string');
  if (stamped) map.set(CREATED, createdOn === undefined ? [createdAt, createdBy] : [createdAt, createdBy, createdOn]);
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined || field === 'id' || (stamped && STAMP_FIELDS.includes(field)) || implied(record, field, value, shape)) continue;
    if (shape.setFields.includes(field) && Array.isArray(value)) {
      for (const member of value) map.set(memberKey(field, String(member)), true);
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
  const sets = new Map<string, Set<string>>();
  const addMembers = (field: string, members: Iterable<string>) => {
    const set = sets.get(field);
    if (set) for (const member of members) set.add(member);
    else sets.set(field, new Set(members));
  };
  for (const [key, value] of map.entries()) {
    const colon = key.indexOf(':');
    if (key === CREATED) created = value;
    else if (value instanceof Y.Map) addMembers(key, value.keys());
    else if (colon > 0 && shape.setFields.includes(key.slice(0, colon))) {
      if (value === true) addMembers(key.slice(0, colon), [key.slice(colon + 1)]);
    } else out[key] = value;
  }
  for (const [field, members] of sets) out[field] = [...members].sort();
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
      const nested = current instanceof Y.Map ? (current as Y.Map<true>) : undefined;
      const before = (readRecordMap('', map, shape)[field] as string[] | undefined) ?? [];
      for (const member of before) {
        if (wanted.has(member)) continue;
        nested?.delete(member);
        map.delete(memberKey(field, member));
      }
      for (const member of wanted) if (!before.includes(member)) map.set(memberKey(field, member), true);
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
