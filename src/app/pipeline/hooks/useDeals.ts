import { useLiveQuery } from 'dexie-react-hooks';
import type { Deal } from '../../../domain/work';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface DealsWithCustomers {
  deals: Deal[];
  customerNames: Map<string, string>;
}

/** The live (not deleted) deals, of one customer or of all, with their customers' names; undefined while loading. */
export function useDeals(customerId?: string): DealsWithCustomers | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = customerId ? await db.deals.where('customerId').equals(customerId).toArray() : await db.deals.toArray();
    const deals = rows.filter((deal) => deal.deletedAt === undefined);
    const customers = await db.customers.bulkGet([...new Set(deals.map((deal) => deal.customerId))]);
    return { deals, customerNames: new Map(customers.flatMap((customer) => (customer ? [[customer.id, customer.name] as const] : []))) };
  }, [db, customerId]);
}
