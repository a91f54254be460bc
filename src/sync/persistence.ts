import { IndexeddbPersistence } from 'y-indexeddb';
import type { PersistenceFactory } from './workspaceDocs';

/** Each document kept in its own IndexedDB database on this device, as y-indexeddb does. */
export const indexeddbPersistence: PersistenceFactory = (storageName, doc) => {
  const persistence = new IndexeddbPersistence(storageName, doc);
  return { whenSynced: persistence.whenSynced, destroy: () => persistence.destroy() };
};
