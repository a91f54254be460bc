import { useLiveQuery } from 'dexie-react-hooks';
import type { CampaignId } from '../../../domain/ids';
import type { Campaign } from '../../../domain/work';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** The live (not deleted) campaigns, newest first; undefined while loading. */
export function useCampaigns(): Campaign[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => (await db.campaigns.toArray()).filter((campaign) => campaign.deletedAt === undefined).sort((a, b) => b.createdAt - a.createdAt), [db]);
}

/** One campaign, deleted or not; null when there is none, undefined while loading. */
export function useCampaign(id: string | undefined): Campaign | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => (id ? ((await db.campaigns.get(id as CampaignId)) ?? null) : null), [db, id]);
}
