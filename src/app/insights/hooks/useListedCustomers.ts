import { useLiveQuery } from 'dexie-react-hooks';
import type { ScoreRow } from '../../../data/db';
import type { CustomerId } from '../../../domain/ids';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface ListedCustomer {
  score: ScoreRow;
  /** Empty when the customer is gone since the run. */
  name: string;
}

/** A run's ranked list with each customer's current name; undefined while loading. */
export function useListedCustomers(scores: readonly ScoreRow[]): ListedCustomer[] | undefined {
  const { db } = useWorkspace();
  const ids = scores.map((score) => score.customerId);
  const key = ids.join();
  // The names are keyed by the ids they were read for: a newer run's list never shows the previous list's names.
  const names = useLiveQuery(async () => ({ key, names: (await db.customers.bulkGet(ids as CustomerId[])).map((customer) => customer?.name ?? '') }), [db, key]);
  if (names?.key !== key) return undefined;
  return scores.map((score, i) => ({ score, name: names.names[i] ?? '' }));
}
