import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CustomerRow, InteractionRow, RapportDb, ScoreRow } from '../../../data/db';
import { campaignStates, campaignStats, matchesAudienceScore, resolveAudience, type AudienceFilter, type CampaignStats, type CustomerCampaignState } from '../../../domain/campaigns';
import { scoresWhere } from '../../../data/scorePages';
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

const byIds = async (db: RapportDb, ids: string[]) => (await db.customers.bulkGet(ids as CustomerId[])).filter((row): row is CustomerRow => row !== undefined);

/**
 * Customers the filter may select, read through the narrowest index it offers (never a scan when it has one); a
 * filter by segment reads the scores, which have no index of their own (see scorePages.ts).
 */
async function candidatesOf(db: RapportDb, filter: AudienceFilter, scores: Map<string, ScoreRow>): Promise<CustomerRow[]> {
  if (filter.tag) return db.customers.where('tags').equals(filter.tag).toArray();
  if (filter.segment || filter.rfmSegment) return byIds(db, [...scores.keys()]);
  if (filter.lifecycle) return db.customers.where('lifecycle').equals(filter.lifecycle).toArray();
  if (filter.ownerId) return db.customers.where('ownerId').equals(filter.ownerId).toArray();
  return db.customers.where('[alive+nameKey]').between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray();
}

/** The audience of a filter (plus the customers a campaign already reached), from the read model. */
export async function readAudience(db: RapportDb, filter: AudienceFilter, campaignId?: string): Promise<CampaignAudience> {
  const interactions = campaignId ? (await db.interactions.where('campaignId').equals(campaignId).toArray()).filter((row) => row.alive === 1) : [];
  const states = campaignStates(interactions);
  const scores = new Map<string, ScoreRow>();
  if (filter.segment || filter.rfmSegment) {
    for (const score of await scoresWhere(db, (score) => matchesAudienceScore(score, filter))) scores.set(score.customerId, score);
  }
  const candidates = await candidatesOf(db, filter, scores);
  const known = new Set(candidates.map((row) => row.id as string));
  const all = [...candidates, ...(await byIds(db, [...states.keys()].filter((id) => !known.has(id))))];
  const customers = resolveAudience(all, (id) => scores.get(id), filter, new Set(states.keys())).sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
  return { customers, states, interactions, stats: campaignStats(customers.map((row) => row.id), states) };
}

/** The live audience of a campaign (or of a filter being edited); undefined while loading, null for no filter. */
export function useCampaignAudience(filter: AudienceFilter | null, campaignId?: string): CampaignAudience | null | undefined {
  const { db } = useWorkspace();
  const key = filter ? JSON.stringify(filter) : '';
  return useLiveQuery(async () => (filter ? readAudience(db, filter, campaignId) : null), [db, key, campaignId]);
}
