/// <reference lib="webworker" />
import { readSheet } from 'read-excel-file/web-worker';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, backupRecords, isBackupFile, type BackupRecord } from '../data/backup';
import { openWorkspaceDb, type CustomerRow, type InteractionRow } from '../data/db';
import { TabClient, type WorkspaceApi, type WorkspaceIdentity } from '../data/tabs';
import { ImportError } from '../import/errors';
import { GROUP_PAGE, type ImportPreview, type ImportSettings, type ImportWorkerRequest, type ImportWorkerResponse, type ProgressReport } from './importContract';
import {
  commitImport,
  findWorkspaceDuplicates,
  ImportCancelled,
  ImportRefused,
  inspectFile,
  interactionSignature,
  isJobRecord,
  previewImport,
  type FileSource,
  type PassInput,
  type SheetReader,
  type WorkspaceCustomer,
} from './importSession';

declare const self: DedicatedWorkerGlobalScope;

// The import worker: reads, cleans and de-duplicates files off the main thread, writes a commit chunk by chunk
// through the workspace's leader (over the tabs' channel, as a tab would), and builds and restores backups.

function post(message: ImportWorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function fileSource(file: File): FileSource {
  return { name: file.name, size: file.size, read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()) };
}

function sheetReader(file: File): SheetReader {
  return async () => readSheet(file);
}

async function workspaceCustomers(workspaceId: string): Promise<WorkspaceCustomer[]> {
  const db = openWorkspaceDb(workspaceId);
  const customers: WorkspaceCustomer[] = [];
  try {
    let last: string | undefined;
    for (;;) {
      const page: CustomerRow[] = await (last === undefined ? db.customers.orderBy('id') : db.customers.where('id').above(last)).limit(5000).toArray();
      if (page.length === 0) break;
      for (const row of page) {
        if (row.alive !== 1) continue;
        const customer: WorkspaceCustomer = { id: row.id, name: row.name, company: row.company, emails: row.emails, phones: row.phones };
        const externalId = row.custom?.externalId;
        if (externalId !== undefined) customer.externalId = String(externalId);
        customers.push(customer);
      }
      last = page[page.length - 1]?.id;
    }
  } finally {
    db.close();
  }
  return customers;
}

/** How many of each interaction the workspace holds, so a history file imported again adds nothing twice. */
async function workspaceInteractions(workspaceId: string): Promise<Map<string, number>> {
  const db = openWorkspaceDb(workspaceId);
  const counts = new Map<string, number>();
  try {
    let last: string | undefined;
    for (;;) {
      const page: InteractionRow[] = await (last === undefined ? db.interactions.orderBy('id') : db.interactions.where('id').above(last)).limit(5000).toArray();
      if (page.length === 0) break;
      for (const row of page) {
        if (row.alive !== 1) continue;
        const signature = interactionSignature(row.customerId, row.type, row.at, row.amountMinor);
        counts.set(signature, (counts.get(signature) ?? 0) + 1);
      }
      last = page[page.length - 1]?.id;
    }
  } finally {
    db.close();
  }
  return counts;
}

/** What a pass needs of the workspace: its customers, and for a history file its interactions. */
async function workspaceOf(settings: ImportSettings, jobId?: string): Promise<Pick<PassInput, 'existing' | 'existingInteractions'>> {
  const customers = await workspaceCustomers(settings.workspaceId);
  // A resumed job's own customers are not duplicates of its rows.
  const existing = jobId ? customers.filter((c) => !isJobRecord(c.id, jobId)) : customers;
  return settings.kind === 'interactions' ? { existing, existingInteractions: await workspaceInteractions(settings.workspaceId) } : { existing };
}

/** Progress at most a few times a second, with the speed and an estimate of the time left. */
function progressReporter(): (rows: number, fraction: number) => void {
  const started = performance.now();
  let lastPost = 0;
  return (rows, fraction) => {
    const at = performance.now();
    if (at - lastPost < 150 && fraction < 1) return;
    lastPost = at;
    const elapsed = at - started;
    const progress: ProgressReport = {
      rows,
      fraction,
      rowsPerSecond: elapsed > 0 ? Math.round((rows / elapsed) * 1000) : 0,
      timeLeft: fraction > 0.02 && elapsed > 300 ? Math.round((elapsed / fraction) * (1 - fraction)) : null,
    };
    post({ kind: 'progress', progress });
  };
}

/**
 * Requests to the workspace's leader, one in flight: the next chunk is cleaned here while the leader writes the
 * last one, and they are written one after another, in order, so a job's "rows done" never passes an unwritten chunk.
 * A failed write surfaces at the next one (or at `drain`) and stops the job.
 */
class LeaderWrites {
  private last: Promise<unknown> = Promise.resolve();

  async send(write: () => Promise<unknown>): Promise<void> {
    await this.last;
    this.last = write();
    // Awaited by the next send or by drain; marked handled meanwhile.
    this.last.catch(() => undefined);
  }

  async drain(): Promise<void> {
    await this.last;
  }
}

/** A tab's client of the workspace, for the length of one job. */
async function withLeader<T>(identity: WorkspaceIdentity, work: (leader: TabClient, writes: LeaderWrites) => Promise<T>): Promise<T> {
  const leader = new TabClient(identity);
  try {
    return await work(leader, new LeaderWrites());
  } finally {
    await leader.close();
  }
}

let controller: AbortController | null = null;
let lastPreview: { id: number; settingsKey: string; preview: ImportPreview } | null = null;

function failure(error: unknown): ImportWorkerResponse {
  if (error instanceof ImportCancelled) return { kind: 'cancelled' };
  if (error instanceof ImportRefused) return { kind: 'failed', code: 'invalid_rows', detail: String(error.invalidRows) };
  if (error instanceof ImportError) return { kind: 'failed', code: error.code };
  return { kind: 'failed', code: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
}

async function handle(request: ImportWorkerRequest): Promise<void> {
  switch (request.kind) {
    case 'inspect': {
      const options = { hasHeader: request.hasHeader, ...(request.encoding ? { encoding: request.encoding } : {}) };
      const inspection = await inspectFile(fileSource(request.file), options, sheetReader(request.file));
      if (inspection.format === 'backup') {
        const parsed: unknown = JSON.parse(await request.file.text());
        if (!isBackupFile(parsed)) throw new ImportError('binary_file');
        inspection.backupCounts = Object.fromEntries(BACKUP_TABLES.map((table) => [table, parsed.tables[table]?.length ?? 0]));
      }
      post({ kind: 'inspected', inspection });
      return;
    }
    case 'preview': {
      const signal = (controller = new AbortController()).signal;
      const preview = await previewImport({
        source: fileSource(request.file),
        settings: request.settings,
        ...(await workspaceOf(request.settings)),
        readSheet: sheetReader(request.file),
        signal,
        onProgress: progressReporter(),
      });
      const id = (lastPreview?.id ?? 0) + 1;
      lastPreview = { id, settingsKey: JSON.stringify(request.settings), preview };
      const { groups, accepted, ...shown } = preview;
      post({ kind: 'preview', preview: { ...shown, id, groupCount: groups.length, firstGroups: groups.slice(0, GROUP_PAGE) } });
      return;
    }
    case 'groups': {
      const groups = lastPreview?.id === request.preview ? lastPreview.preview.groups.slice(request.from, request.to) : [];
      post({ kind: 'groups', from: request.from, groups });
      return;
    }
    case 'commit': {
      const signal = (controller = new AbortController()).signal;
      const input = { source: fileSource(request.file), settings: request.settings, ...(await workspaceOf(request.settings, request.jobId)), readSheet: sheetReader(request.file), signal };
      // A resumed job has no preview in this worker yet: the same pass runs again first (nothing is shown). The file
      // is known by the preview's id: a File posted to a worker arrives as a new object each time.
      const known = lastPreview && lastPreview.id === request.previewId && lastPreview.settingsKey === JSON.stringify(request.settings);
      const preview = known && lastPreview ? lastPreview.preview : await previewImport(input);
      const rows = await withLeader(request.identity, async (leader, writes) => {
        const written = await commitImport({
          ...input,
          onProgress: progressReporter(),
          preview,
          choices: { decisions: request.decisions, ...(request.bulk ? { bulk: request.bulk } : {}) },
          jobId: request.jobId,
          resumeAfterRow: request.resumeAfterRow,
          emit: async (chunk) => {
            await writes.send(() => leader.call('importChunk', request.jobId, chunk));
            if (signal.aborted) throw new ImportCancelled();
          },
        });
        await writes.drain();
        return written;
      });
      if (signal.aborted) throw new ImportCancelled();
      post({ kind: 'committed', rows });
      return;
    }
    case 'findDuplicates':
      post({ kind: 'duplicates', groups: findWorkspaceDuplicates(await workspaceCustomers(request.workspaceId)) });
      return;
    case 'backup': {
      const db = openWorkspaceDb(request.workspaceId);
      try {
        // Built in parts, so a large workspace never becomes one string.
        const parts: string[] = [`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${Date.now()},"settings":${JSON.stringify(request.settings)},"tables":{`];
        for (const [index, table] of BACKUP_TABLES.entries()) {
          parts.push(`${index ? ',' : ''}${JSON.stringify(table)}:[`);
          let first = true;
          for await (const page of backupRecords(db, table)) {
            parts.push((first ? '' : ',') + page.map((record) => JSON.stringify(record)).join(','));
            first = false;
          }
          parts.push(']');
        }
        parts.push('}}');
        post({ kind: 'backup', blob: new Blob(parts, { type: 'application/json' }) });
      } finally {
        db.close();
      }
      return;
    }
    case 'restore': {
      const parsed: unknown = JSON.parse(await request.file.text());
      if (!isBackupFile(parsed)) {
        post({ kind: 'failed', code: 'not_backup' });
        return;
      }
      await withLeader(request.identity, async (leader) => {
        await leader.call('updateSettings', parsed.settings as Parameters<WorkspaceApi['updateSettings']>[0]);
        let refused = 0;
        for (const table of BACKUP_TABLES) {
          const records = (parsed.tables[table] ?? []) as BackupRecord[];
          for (let start = 0; start < records.length; start += 1000) {
            const part = records.slice(start, start + 1000);
            // A part the leader could not take is counted as refused; the rest of the backup still comes in.
            refused += await leader.call('restoreBackup', table, part).then(
              (outcome) => outcome.refused,
              () => part.length,
            );
            post({ kind: 'restoring', table, refused });
          }
        }
      });
      post({ kind: 'restored' });
      return;
    }
    case 'cancel':
      return;
  }
}

self.onmessage = (event: MessageEvent<ImportWorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    controller?.abort();
    return;
  }
  handle(request).catch((error: unknown) => post(failure(error)));
};
