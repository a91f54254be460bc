import type { CustomerFields } from '../domain/customer';
import {
  cleanCustomerRow,
  cleanInteractionRow,
  rowProblemIssue,
  type CellChange,
  type CleanOptions,
  type InteractionRow,
  type RowIssue,
} from './clean';
import type { RowBatch } from './csv';
import { DuplicateIndex, type DuplicateMatch, type DuplicateOptions } from './duplicates';
import type { CustomerMapping, InteractionMapping } from './mapping';

/** What duplicate detection needs of a customer already in the workspace. */
export interface ExistingCustomer {
  id: string;
  name: string;
  company?: string | undefined;
  emails: readonly string[];
  phones: readonly string[];
}

/** The index an import starts from: the workspace's customers; the file's rows join it batch by batch. */
export function existingCustomerIndex(customers: Iterable<ExistingCustomer>, options: DuplicateOptions = {}): DuplicateIndex {
  const index = new DuplicateIndex(options);
  for (const customer of customers) {
    index.add({ ref: { source: 'existing', id: customer.id }, name: customer.name, company: customer.company, emails: customer.emails, phones: customer.phones });
  }
  return index;
}

export interface ImportedRow<T> {
  row: number;
  value: T;
}

interface BatchReport {
  /** Refused rows (errors) and assumptions (warnings), per row and column. */
  issues: RowIssue[];
  /** Every cell cleaning changed, for the preview. */
  changes: CellChange[];
}

export interface CustomerBatchResult extends BatchReport {
  customers: Array<ImportedRow<CustomerFields>>;
  /** Valid rows that may duplicate a workspace customer or an earlier row of the file. */
  duplicates: DuplicateMatch[];
}

export interface InteractionBatchResult extends BatchReport {
  interactions: Array<ImportedRow<InteractionRow>>;
}

/**
 * One batch of a customer file, as the import worker calls it: each row cleaned and validated, the good ones
 * matched against the index (the workspace and the file's earlier rows) and then added to it. Nothing is written
 * here; the worker runs the whole file once for the preview and again to write what the user accepted.
 */
export function importCustomerBatch(batch: RowBatch, mapping: CustomerMapping, options: CleanOptions, index: DuplicateIndex): CustomerBatchResult {
  const result: CustomerBatchResult = { customers: [], issues: batch.problems.map(rowProblemIssue), changes: [], duplicates: [] };
  for (const source of batch.rows) {
    const cleaned = cleanCustomerRow(source, mapping, options);
    result.issues.push(...cleaned.issues);
    result.changes.push(...cleaned.changes);
    if (!cleaned.value) continue;
    const fields = cleaned.value;
    result.customers.push({ row: source.row, value: fields });
    const subject = { ref: { source: 'file', row: source.row } as const, name: fields.name, company: fields.company, emails: fields.emails, phones: fields.phones };
    result.duplicates.push(...index.matchAndAdd(subject));
  }
  return result;
}

/** One batch of an interactions / transactions file: rows cleaned and checked; customers are found by the worker. */
export function importInteractionBatch(batch: RowBatch, mapping: InteractionMapping, options: CleanOptions): InteractionBatchResult {
  const result: InteractionBatchResult = { interactions: [], issues: batch.problems.map(rowProblemIssue), changes: [] };
  for (const source of batch.rows) {
    const cleaned = cleanInteractionRow(source, mapping, options);
    result.issues.push(...cleaned.issues);
    result.changes.push(...cleaned.changes);
    if (cleaned.value) result.interactions.push({ row: source.row, value: cleaned.value });
  }
  return result;
}
