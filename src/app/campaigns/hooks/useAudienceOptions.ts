import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface AudienceOptions {
  tags: string[];
  segments: string[];
  rfmSegments: string[];
}

/** The values the audience filter offers: tags in use, and the segments of this device's last analytics run. */
export function useAudienceOptions(): AudienceOptions | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const [tags, segments, rfmSegments] = await Promise.all([
      db.customers.orderBy('tags').uniqueKeys(),
      db.scores.orderBy('segment').uniqueKeys(),
      db.scores.orderBy('rfmSegment').uniqueKeys(),
    ]);
    return { tags: tags.map(String), segments: segments.map(String), rfmSegments: rfmSegments.map(String) };
  }, [db]);
}
