import type { z } from 'zod';
import { AuditEntrySchema } from '../domain/audit';
import { CustomerSchema } from '../domain/customer';
import { InteractionSchema } from '../domain/interaction';
import { MemberSchema } from '../domain/member';
import { CampaignSchema, DealSchema, TaskSchema, TicketSchema } from '../domain/work';
import type { Plain } from '../sync/recordMaps';
import type { WorkspaceSettings } from '../sync/settings';
import type { RapportDb, SyncedTable } from './db';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/** One record of a backup, as stored. */
export type BackupRecord = Plain;

/** A whole workspace as one JSON file: every synced table, records exactly as stored (ids, stamps, deletions). */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  settings: Partial<WorkspaceSettings>;
  tables: Partial<Record<SyncedTable, Plain[]>>;
}

/** The order a restore writes in: members and customers before what points at them. */
export const BACKUP_TABLES = ['members', 'customers', 'deals', 'tasks', 'tickets', 'campaigns', 'interactions', 'audit'] as const satisfies readonly SyncedTable[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const BACKUP_SCHEMAS: Record<BackupTable, z.ZodType> = {
  members: MemberSchema,
  customers: CustomerSchema,
  deals: DealSchema,
  tasks: TaskSchema,
  tickets: TicketSchema,
  campaigns: CampaignSchema,
  interactions: InteractionSchema,
  audit: AuditEntrySchema,
};

/** Fields the read model adds to a record (derived, rebuilt by the projection): not part of a backup. */
const DERIVED_FIELDS = ['alive', 'nameKey'];

/** Rows read per step, so a large workspace is read in short transactions. */
const PAGE = 5000;

/** A table's records as stored, page by page; an interaction keeps `doc`, the document it lives in. */
export async function* backupRecords(db: RapportDb, table: BackupTable): AsyncGenerator<Plain[]> {
  let last: string | undefined;
  for (;;) {
    const collection = last === undefined ? db.table(table).orderBy('id') : db.table(table).where('id').above(last);
    const page = (await collection.limit(PAGE).toArray()) as Plain[];
    if (page.length === 0) return;
    yield page.map((row) => {
      const record = { ...row };
      for (const field of DERIVED_FIELDS) delete record[field];
      return record;
    });
    last = String(page[page.length - 1]?.id);
  }
}

/** Checks the outer shape of a parsed backup file; each record is validated when restored. */
export function isBackupFile(value: unknown): value is BackupFile {
  if (!value || typeof value !== 'object') return false;
  const file = value as Partial<BackupFile>;
  return file.format === BACKUP_FORMAT && typeof file.version === 'number' && typeof file.tables === 'object' && file.tables !== null;
}
