import { useLiveQuery } from 'dexie-react-hooks';
import { useAnalyticsRuns } from '../../insights/hooks/useAnalyticsRuns';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface AudienceOptions {
  tags: string[];
  segments: string[];
  rfmSegments: string[];
}

/** The values the audience filter offers: tags in use, and the segments of this device's last analytics run. */
export function useAudienceOptions(): AudienceOptions | undefined {
  const { db } = useWorkspace();
  const runs = useAnalyticsRuns();
  const tags = useLiveQuery(async () => (await db.customers.orderBy('tags').uniqueKeys()).map(String), [db]);
  if (runs === undefined || tags === undefined) return undefined;
  const run = runs.done;
  return {
    tags,
    segments: [...new Set(run?.segmentation?.segments.map((segment) => segment.code))].sort(),
    rfmSegments: Object.keys(run?.rfmSegments ?? {}).sort(),
  };
}
