import { useLiveQuery } from 'dexie-react-hooks';
import { visibleViews, type SavedView, type ViewList } from '../../../domain/views';
import type { WorkspaceSettings } from '../../../sync/settings';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const NONE: SavedView[] = [];

/** The views this member sees on one list (their own and the team's shared ones), as the leader last projected them. */
export function useSavedViews(list: ViewList): SavedView[] {
  const { db, identity } = useWorkspace();
  return (
    useLiveQuery(async () => {
      const settings = (await db.device.get('settings'))?.value as Partial<WorkspaceSettings> | undefined;
      return visibleViews(settings?.views ?? [], list, identity.memberId);
    }, [db, list, identity.memberId]) ?? NONE
  );
}
