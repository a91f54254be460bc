import { v7 } from 'uuid';

/** A new UUIDv7: sortable by creation time, unique across devices without coordination. */
export function newId<T extends string = string>(): T {
  return v7() as T;
}
