import { useEffect, useState } from 'react';
import { newId } from '../../../platform/ids';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

interface ViewRow {
  /** When this device last opened the record, epoch ms. */
  at: number;
  /** The view before that one: the baseline of the view that wrote `at`. */
  previous: number | null;
  /** Which page view wrote the row: a view that runs its effect twice (React's strict mode) keeps its baseline. */
  view: string;
}

function isViewRow(value: unknown): value is ViewRow {
  return typeof value === 'object' && value !== null && typeof (value as ViewRow).at === 'number' && typeof (value as ViewRow).view === 'string';
}

/**
 * When this device last showed the record before now (device-local, never synced), and records this view. Null on
 * a first view; undefined while loading.
 */
export function useLastViewed(recordId: string): number | null | undefined {
  const { db } = useWorkspace();
  const [view] = useState(() => newId());
  const [since, setSince] = useState<{ recordId: string; at: number | null } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const key = `viewed:${recordId}`;
    void db
      .transaction('rw', db.device, async () => {
        const row = await db.device.get(key);
        const stored = isViewRow(row?.value) ? row.value : undefined;
        if (stored?.view === view) return stored.previous;
        await db.device.put({ key, value: { at: Date.now(), previous: stored?.at ?? null, view } satisfies ViewRow });
        return stored?.at ?? null;
      })
      .then((at) => live && setSince({ recordId, at }));
    return () => {
      live = false;
    };
  }, [db, recordId, view]);
  return since?.recordId === recordId ? since.at : undefined;
}
