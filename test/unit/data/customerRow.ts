import type { CustomerRow } from '../../../src/data/db';
import { CUSTOMER_DEFAULTS } from '../../../src/domain/customer';

/** A live read-model customer with the defaults a new one gets; each test sets the fields it varies. */
export function customerRow(id: string, fields: Partial<CustomerRow> = {}): CustomerRow {
  return {
    ...CUSTOMER_DEFAULTS,
    emails: [],
    phones: [],
    tags: [],
    id,
    name: id,
    nameKey: id.toLowerCase(),
    alive: 1,
    createdAt: 1,
    createdBy: 'm',
    updatedAt: 1,
    updatedBy: 'm',
    ...fields,
  } as CustomerRow;
}
