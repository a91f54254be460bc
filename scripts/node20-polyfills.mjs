// Vitest 5 declares Node 22 and, on Node 20, calls Map.groupBy while it prints failures, which hides every failure
// message behind a crash. Loaded with `node --import` for the test runner only; the app never runs in Node.
/**
 * @template T, K
 * @param {Iterable<T>} items
 * @param {(item: T, index: number) => K} keyOf
 */
function groupInto(items, keyOf) {
  /** @type {Map<K, T[]>} */
  const groups = new Map();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', { value: groupInto, writable: true, configurable: true });
}
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    value: (/** @type {Iterable<unknown>} */ items, /** @type {(item: unknown, index: number) => PropertyKey} */ keyOf) =>
      Object.assign(Object.create(null), Object.fromEntries(groupInto(items, keyOf))),
    writable: true,
    configurable: true,
  });
}
