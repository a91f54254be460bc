import type { BackupRecord, BackupTable } from '../data/backup';
import type { WorkspaceIdentity } from '../data/tabs';
import type { CustomerFields } from '../domain/customer';
import type { CellChange, CleanOptions, InteractionRow, RowIssue } from '../import/clean';
import type { MatchReason, SubjectRef } from '../import/duplicates';
import type { DetectedEncoding, TextEncodingName } from '../import/encoding';
import type { ImportErrorCode } from '../import/errors';
import type { CustomerMapping, InteractionMapping } from '../import/mapping';
import type { ImportedRow } from '../import/pipeline';
import type { DateOrder } from '../import/values';

// Messages between the import page and the import worker. The worker reads the file, cleans it, finds duplicates
// and sends a commit's chunks (and a backup's records) to the workspace's leader itself, as a tab would: the records
// never pass through the page's main thread, which only hears of progress.

export type FileFormat = 'delimited' | 'vcard' | 'xlsx' | 'backup';
export type ImportKind = 'customers' | 'interactions';
/** `valid`: import the valid rows and report the rest; `all`: import nothing if any row is invalid. */
export type ImportMode = 'valid' | 'all';
export type DuplicateDecision = 'merge' | 'keep' | 'skip';

export interface ImportSettings {
  workspaceId: string;
  kind: ImportKind;
  format: Exclude<FileFormat, 'backup'>;
  /** The user's choice; detected when absent. */
  encoding?: TextEncodingName;
  hasHeader: boolean;
  customerMapping: CustomerMapping;
  interactionMapping: InteractionMapping;
  clean: CleanOptions;
  mode: ImportMode;
}

/** What the page learns from a first look at the file, to fill in the settings. */
export interface FileInspection {
  format: FileFormat;
  encoding: DetectedEncoding | null;
  header: string[];
  /** The first rows as read, to show next to the mapping. */
  sample: string[][];
  customerMapping: CustomerMapping;
  interactionMapping: InteractionMapping;
  /** From the file's dates when they say; null when the user must choose. */
  dateOrder: DateOrder | null;
  /** Records per table of a backup file. */
  backupCounts?: Partial<Record<BackupTable, number>>;
}

export interface GroupMember {
  ref: SubjectRef;
  name: string;
  email?: string;
  phone?: string;
  company?: string;
}

/** A set of rows (and workspace customers) that look like one customer, for the review screen. */
export interface PreviewGroup {
  /** Stable between the preview and the commit pass: the first file row of the group. */
  key: string;
  members: GroupMember[];
  reasons: MatchReason[];
  score: number;
  hasExisting: boolean;
  suggested: DuplicateDecision;
}

/** How many entries of each list the preview carries; the downloadable reports hold them all. */
export const PREVIEW_LIMIT = 500;

export interface ImportPreview {
  kind: ImportKind;
  header: string[];
  rowsRead: number;
  validRows: number;
  invalidRows: number;
  issues: RowIssue[];
  issueCount: number;
  changes: CellChange[];
  changeCount: number;
  /** CSV of every issue (row, column, value, reason) and of every change. */
  errorReport: string;
  changeReport: string;
  groups: PreviewGroup[];
  /** Interactions: customers the file names that the workspace does not have yet (created by the import). */
  newCustomers: number;
  /** Interactions: rows the workspace already holds (same customer, type, time and amount), not imported again. */
  knownInteractions: number;
  /** The last row number of the file. */
  lastRow: number;
  /** The valid rows as cleaned: the commit writes these (the file is not read and cleaned a second time). */
  accepted: { customers: Array<ImportedRow<CustomerFields>>; interactions: Array<ImportedRow<InteractionRow>> };
}

/** The user's duplicate choices: a decision per group key where they made one, and a bulk choice for the rest. */
export interface DuplicateChoices {
  decisions: Record<string, DuplicateDecision>;
  bulk?: DuplicateDecision;
}

/** The decision a group gets: the user's for it, else the bulk choice, else its suggestion (review and commit agree). */
export function decisionOf(group: PreviewGroup, { decisions, bulk }: DuplicateChoices): DuplicateDecision {
  return decisions[group.key] ?? bulk ?? group.suggested;
}

/** Duplicate groups the page gets with the preview; it asks for the others as they scroll into view. */
export const GROUP_PAGE = 50;

/**
 * The preview as the page holds it: how many duplicate groups there are and the first page of them. A file of
 * 100,000 rows can hold thousands of groups (megabytes to copy into the page at once, a long task); the accepted
 * rows stay in the worker.
 */
export interface ShownPreview extends Omit<ImportPreview, 'groups' | 'accepted'> {
  /** Which of the worker's previews this is: pages of groups are asked for by it. */
  id: number;
  groupCount: number;
  firstGroups: PreviewGroup[];
}

export interface WorkspaceDuplicate {
  members: Array<{ id: string; name: string; email?: string; phone?: string; company?: string }>;
  reasons: MatchReason[];
  score: number;
}

export type ImportWorkerRequest =
  | { kind: 'inspect'; file: File; encoding?: TextEncodingName; hasHeader: boolean }
  | { kind: 'preview'; file: File; settings: ImportSettings }
  | ({
      kind: 'commit';
      file: File;
      settings: ImportSettings;
      /** The preview the user reviewed, still in the worker; absent on resume (the file is checked again first). */
      previewId?: number;
      jobId: string;
      resumeAfterRow: number;
      identity: WorkspaceIdentity;
    } & DuplicateChoices)
  /** Duplicate groups `from` to `to` (exclusive) of a preview; none once the worker has made a newer one. */
  | { kind: 'groups'; preview: number; from: number; to: number }
  | { kind: 'cancel' }
  | { kind: 'findDuplicates'; workspaceId: string }
  | { kind: 'backup'; workspaceId: string; settings: BackupRecord }
  | { kind: 'restore'; file: File; identity: WorkspaceIdentity };

export interface ProgressReport {
  rows: number;
  /** 0..1 of the file read. */
  fraction: number;
  rowsPerSecond: number;
  /** Milliseconds, null until there is enough to tell. */
  timeLeft: number | null;
}

export type ImportWorkerResponse =
  | { kind: 'inspected'; inspection: FileInspection }
  | { kind: 'progress'; progress: ProgressReport }
  | { kind: 'preview'; preview: ShownPreview }
  | { kind: 'groups'; from: number; groups: PreviewGroup[] }
  | { kind: 'committed'; rows: number }
  | { kind: 'duplicates'; groups: WorkspaceDuplicate[] }
  | { kind: 'backup'; blob: Blob }
  /** The table being restored and the records refused so far. */
  | { kind: 'restoring'; table: BackupTable; refused: number }
  | { kind: 'restored' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: ImportErrorCode | 'invalid_rows' | 'not_backup' | 'unreadable'; detail?: string };
