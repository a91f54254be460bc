import type * as Y from 'yjs';
import { cleanListState, isViewList, type ListState, type SavedView, type ViewList } from '../domain/views';

// Saved views live in the meta document's settings map like the pipeline's stages: one key per field of a view
// (`view.<id>.<field>`), so a rename on one device and a share toggle on another both win, and a view is never a map
// two devices could create at once. A deleted view keeps its keys, marked removed (nothing is lost).

const VIEW_KEY = /^view\.(.+)\.(list|name|ownerId|shared|state|createdAt|removed)$/;
type ViewField = 'list' | 'name' | 'ownerId' | 'shared' | 'state' | 'createdAt' | 'removed';
const viewKey = (id: string, field: ViewField) => `view.${id}.${field}`;

/** Every view that is not deleted; a view missing its list, name or owner (half synced) is left out until complete. */
export function readViews(settings: Y.Map<unknown>): SavedView[] {
  const fields = new Map<string, Partial<Record<ViewField, unknown>>>();
  for (const [key, value] of settings.entries()) {
    const match = VIEW_KEY.exec(key);
    if (!match) continue;
    const [, id = '', field] = match;
    const view = fields.get(id) ?? {};
    view[field as ViewField] = value;
    fields.set(id, view);
  }
  const views: SavedView[] = [];
  for (const [id, view] of fields) {
    if (view.removed === true || !isViewList(view.list) || typeof view.name !== 'string' || !view.name || typeof view.ownerId !== 'string') continue;
    let state: unknown;
    try {
      state = typeof view.state === 'string' ? JSON.parse(view.state) : null;
    } catch {
      state = null;
    }
    views.push({
      id,
      list: view.list,
      name: view.name,
      ownerId: view.ownerId,
      shared: view.shared === true,
      state: cleanListState(view.list, state),
      createdAt: typeof view.createdAt === 'number' ? view.createdAt : 0,
    });
  }
  return views;
}

export interface ViewWrite {
  list?: ViewList;
  name?: string;
  ownerId?: string;
  shared?: boolean;
  state?: ListState;
  createdAt?: number;
  removed?: boolean;
}

/** Writes only the fields whose value changes, so an untouched field never overrides a peer's concurrent edit. */
export function writeView(settings: Y.Map<unknown>, id: string, change: ViewWrite): void {
  for (const [field, value] of Object.entries(change) as [ViewField, unknown][]) {
    if (value === undefined) continue;
    const stored = field === 'state' ? JSON.stringify(value) : value;
    if (settings.get(viewKey(id, field)) !== stored) settings.set(viewKey(id, field), stored);
  }
}
