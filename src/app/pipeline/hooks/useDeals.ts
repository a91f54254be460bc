import type { Deal } from '../../../domain/work';
import { useCustomerRecords } from '../../shared/hooks/useCustomerRecords';

export interface DealsWithCustomers {
  deals: Deal[];
  customerNames: Map<string, string>;
}

/** The live (not deleted) deals, of one customer or of all, with their customers' names; undefined while loading. */
export function useDeals(customerId?: string): DealsWithCustomers | undefined {
  const data = useCustomerRecords('deals', customerId);
  return data && { deals: data.records, customerNames: data.customerNames };
}
