import { canEditView, cleanListState, validateView, type ListState, type ViewList } from '../../domain/views';
import type { Validated } from '../../domain/validation';
import { now } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { META_DOC } from '../../sync/documentNames';
import { SETTINGS_COLLECTION } from '../../sync/entities';
import { readViews, writeView } from '../../sync/savedViews';
import type { LeaderContext } from './context';

/**
 * Saved list views (filters, sort, columns) in the meta document, owned by the member who saves one; only the owner
 * renames, re-saves, shares or deletes it. The read model gets them with the workspace settings.
 */
export function viewsApi({ engine, actor }: LeaderContext) {
  const settingsMap = async () => {
    const meta = await engine.docs.open(META_DOC);
    return { meta, map: meta.getMap<unknown>(SETTINGS_COLLECTION) };
  };
  /** The view if this member may change it, or the issue that says why not. */
  const ownView = async (id: string) => {
    const { meta, map } = await settingsMap();
    const view = readViews(map).find((candidate) => candidate.id === id);
    if (!view) return { ok: false as const, issues: [{ field: 'id', code: 'not_found' }] };
    if (!canEditView(view, actor.memberId)) return { ok: false as const, issues: [{ field: 'id', code: 'not_owner' }] };
    return { ok: true as const, view, meta, map };
  };

  return {
    /** Saves a list's current state under a name, for this member only unless `shared`. */
    saveView: async (input: { list: ViewList; name: string; state: ListState; shared?: boolean }): Promise<Validated<string>> => {
      const issues = validateView(input);
      if (issues.length) return { ok: false, issues };
      const { meta, map } = await settingsMap();
      const id = newId();
      meta.transact(() => {
        writeView(map, id, {
          list: input.list,
          name: input.name.trim(),
          ownerId: actor.memberId,
          shared: input.shared === true,
          state: cleanListState(input.list, input.state),
          createdAt: now(),
        });
      }, 'views');
      return { ok: true, value: id };
    },
    /** Renames, re-saves the state of, or shares / unshares one of this member's views. */
    updateView: async (id: string, patch: { name?: string; state?: ListState; shared?: boolean }): Promise<Validated<null>> => {
      const found = await ownView(id);
      if (!found.ok) return found;
      const { view, meta, map } = found;
      const next = { list: view.list, name: patch.name ?? view.name, state: patch.state ?? view.state };
      const issues = validateView(next);
      if (issues.length) return { ok: false, issues };
      meta.transact(() => {
        writeView(map, id, {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.state !== undefined ? { state: cleanListState(view.list, patch.state) } : {}),
          ...(patch.shared !== undefined ? { shared: patch.shared } : {}),
        });
      }, 'views');
      return { ok: true, value: null };
    },
    /** Deletes one of this member's views (its keys stay, marked removed). */
    deleteView: async (id: string): Promise<Validated<null>> => {
      const found = await ownView(id);
      if (!found.ok) return found;
      found.meta.transact(() => writeView(found.map, id, { removed: true }), 'views');
      return { ok: true, value: null };
    },
  };
}
