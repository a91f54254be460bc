import type { Table } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RapportDb } from '../../../data/db';
import type { CustomerId } from '../../../domain/ids';
import type { Deal, Ticket } from '../../../domain/work';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** Tables of records that each belong to one customer (indexed by customerId). */
interface CustomerRecordTables {
  deals: Deal;
  tickets: Ticket;
}

export interface RecordsWithCustomers<T> {
  records: T[];
  customerNames: Map<string, string>;
}

/** The names of the customers some records belong to, by id, for lists that show whose each record is. */
export async function customerNamesOf(db: RapportDb, records: readonly { customerId?: string | undefined }[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.flatMap((record) => (record.customerId ? [record.customerId as CustomerId] : [])))];
  const customers = await db.customers.bulkGet(ids);
  return new Map(customers.flatMap((customer) => (customer ? [[customer.id, customer.name] as const] : [])));
}

/** The live (not deleted) records of one customer or of all, with their customers' names; undefined while loading. */
export function useCustomerRecords<K extends keyof CustomerRecordTables>(table: K, customerId?: string): RecordsWithCustomers<CustomerRecordTables[K]> | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = db[table] as unknown as Table<CustomerRecordTables[K], string>;
    const all = customerId ? await rows.where('customerId').equals(customerId).toArray() : await rows.toArray();
    const records = all.filter((record) => record.deletedAt === undefined);
    return { records, customerNames: await customerNamesOf(db, records) };
  }, [db, table, customerId]);
}
