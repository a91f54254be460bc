import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CustomerRow, InteractionRow, RapportDb, ScoreRow } from '../../../data/db';
import { campaignStates, campaignStats, resolveAudience, type AudienceFilter, type CampaignStats, type CustomerCampaignState } from '../../../domain/campaigns';
import type { CustomerId } from '../../../domain/ids';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface CampaignAudience {
  /** Live customers of the audience, by name. */
  customers: CustomerRow[];
  states: Map<string, CustomerCampaignState>;
  /** The campaign's live interactions (touches and responses). */
  interactions: InteractionRow[];
  stats: CampaignStats;
}

/** Customers the filter may select, read through the narrowest index it offers (never a scan when it has one). */
async function candidatesOf(db: RapportDb, filter: AudienceFilter): Promise<CustomerRow[]> {
  const byIds = async (ids: string[]) => (await db.customers.bulkGet(ids as CustomerId[])).filter((row): row is CustomerRow => row !== undefined);
  if (filter.tag) return db.customers.where('tags').equals(filter.tag).toArray();
  if (filter.segment) return byIds(await db.scores.where('segment').equals(filter.segment).primaryKeys());
  if (filter.rfmSegment) return byIds(await db.scores.where('rfmSegment').equals(filter.rfmSegment).primaryKeys());
  if (filter.lifecycle) return db.customers.where('lifecycle').equals(filter.lifecycle).toArray();
  if (filter.ownerId) return db.customers.where('ownerId').equals(filter.ownerId).toArray();
  return db.customers.where('[alive+nameKey]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray();
}

/** The audience of a filter (plus the customers a campaign already reached), from the read model. */
export async function readAudience(db: RapportDb, filter: AudienceFilter, campaignId?: string): Promise<CampaignAudience> {
  const interactions = campaignId ? (await db.interactions.where('campaignId').equals(campaignId).toArray()).filter((row) => row.alive === 1) : [];
  const states = campaignStates(interactions);
  const candidates = await candidatesOf(db, filter);
  const known = new Set(candidates.map((row) => row.id as string));
  const extra = (await db.customers.bulkGet([...states.keys()].filter((id) => !known.has(id)) as CustomerId[])).filter((row): row is CustomerRow => row !== undefined);
  const all = [...candidates, ...extra];
  const scores = new Map<string, ScoreRow>();
  if (filter.segment || filter.rfmSegment) {
    for (const score of await db.scores.bulkGet(all.map((row) => row.id))) if (score) scores.set(score.customerId, score);
  }
  const customers = resolveAudience(all, (id) => scores.get(id), filter, new Set(states.keys())).sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
  return { customers, states, interactions, stats: campaignStats(customers.map((row) => row.id), states) };
}

/** The live audience of a campaign (or of a filter being edited); undefined while loading, null for no filter. */
export function useCampaignAudience(filter: AudienceFilter | null, campaignId?: string): CampaignAudience | null | undefined {
  const { db } = useWorkspace();
  const key = filter ? JSON.stringify(filter) : '';
  return useLiveQuery(async () => (filter ? readAudience(db, filter, campaignId) : null), [db, key, campaignId]);
}
