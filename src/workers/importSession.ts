import Papa from 'papaparse';
import type { ImportChunk } from '../data/api/importApi';
import type { Customer, CustomerFields } from '../domain/customer';
import type { CustomerId, InteractionId } from '../domain/ids';
import type { InteractionFields } from '../domain/interaction';
import { planMerge } from '../domain/merge';
import { validateNewCustomer } from '../domain/validation';
import { errorReportCsv, type CellChange, type InteractionRow, type RowIssue } from '../import/clean';
import { DelimitedReader, type RowBatch } from '../import/csv';
import { DuplicateIndex, groupDuplicates, type DuplicateMatch } from '../import/duplicates';
import { ChunkDecoder, decodeText, DETECTION_SAMPLE_BYTES, resolveEncoding, type DetectedEncoding } from '../import/encoding';
import { ImportError } from '../import/errors';
import { autoMapCustomers, autoMapInteractions, type CustomerMapping, type CustomerTarget } from '../import/mapping';
import { existingCustomerIndex, importCustomerBatch, importInteractionBatch, type ExistingCustomer } from '../import/pipeline';
import { guessDateOrder } from '../import/values';
import { parseVCards } from '../import/vcard';
import {
  decisionOf,
  PREVIEW_LIMIT,
  type DuplicateChoices,
  type DuplicateDecision,
  type FileFormat,
  type FileInspection,
  type GroupMember,
  type ImportPreview,
  type ImportSettings,
  type PreviewGroup,
  type WorkspaceDuplicate,
} from './importContract';

// The import worker's work, without the worker: reading a file in slices, the preview pass and the commit pass.
// Plain functions over a byte source, so Node tests run them on real files.

export interface FileSource {
  name: string;
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

/** Reads the first sheet of an .xlsx as rows of text (read-excel-file in the worker). */
export type SheetReader = () => Promise<unknown[][]>;

/** A customer of the workspace as duplicate detection and history imports see it. */
export interface WorkspaceCustomer extends ExistingCustomer {
  /** The customer's id in another system (`custom.externalId`), how history files often name customers. */
  externalId?: string;
}

export interface PassInput {
  source: FileSource;
  settings: ImportSettings;
  existing: readonly WorkspaceCustomer[];
  /** History imports: how many of each interaction ({@link interactionSignature}) the workspace already has. */
  existingInteractions?: ReadonlyMap<string, number>;
  readSheet?: SheetReader;
  signal?: AbortSignal;
  onProgress?: (rows: number, fraction: number) => void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import: cancelled');
    this.name = 'ImportCancelled';
  }
}

/** "Import nothing if any row is invalid", and some are. */
export class ImportRefused extends Error {
  constructor(readonly invalidRows: number) {
    super(`import: ${invalidRows} invalid rows`);
    this.name = 'ImportRefused';
  }
}

/**
 * Records per chunk of a commit: one transaction each on the leader (as many as `commands.IMPORT_CHUNK`). Each chunk
 * also costs the leader the job's bookkeeping and a round trip: 30,000 rows commit in 13 s in chunks of 1,000
 * against 16 s in chunks of 250 (and no faster in chunks of 2,000).
 */
export const COMMIT_CHUNK = 1000;
const SLICE_BYTES = 1 << 20;

export function detectFormat(name: string, head: Uint8Array): FileFormat {
  const lower = name.toLowerCase();
  // .xlsx is a zip archive: "PK".
  if ((head[0] === 0x50 && head[1] === 0x4b) || lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard')) return 'vcard';
  const start = new TextDecoder().decode(head.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (lower.endsWith('.json') || start.startsWith('{')) return 'backup';
  return 'delimited';
}

interface ReadStep {
  batch: RowBatch;
  header: string[] | null;
  fraction: number;
}

interface ReadOptions {
  format: Exclude<FileFormat, 'backup'>;
  encoding?: ImportSettings['encoding'];
  hasHeader: boolean;
}

async function* readDelimited(source: FileSource, options: ReadOptions): AsyncGenerator<ReadStep, DetectedEncoding> {
  const encoding = resolveEncoding(await source.read(0, DETECTION_SAMPLE_BYTES), options.encoding);
  const decoder = new ChunkDecoder(encoding);
  const reader = new DelimitedReader({ hasHeader: options.hasHeader });
  for (let start = 0; start < source.size; start += SLICE_BYTES) {
    const end = Math.min(source.size, start + SLICE_BYTES);
    yield { batch: reader.push(decoder.push(await source.read(start, end))), header: reader.header, fraction: end / source.size };
  }
  const rest = reader.push(decoder.end());
  const last = reader.end();
  yield { batch: { rows: [...rest.rows, ...last.rows], problems: [...rest.problems, ...last.problems] }, header: reader.header, fraction: 1 };
  return encoding;
}

function sheetCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/** The rows of a file, batch by batch, with the header once known; every format gives the same rows. */
export async function* readRows(source: FileSource, options: ReadOptions, readSheet?: SheetReader): AsyncGenerator<ReadStep> {
  if (options.format === 'delimited') {
    yield* readDelimited(source, options);
    return;
  }
  if (options.format === 'vcard') {
    const { text } = decodeText(await source.read(0, source.size), options.encoding);
    const file = parseVCards(text);
    yield { batch: file, header: file.header, fraction: 1 };
    return;
  }
  if (!readSheet) throw new ImportError('binary_file');
  const sheet = (await readSheet()).map((row) => row.map(sheetCell));
  const width = Math.max(0, ...sheet.map((row) => row.length));
  const first = sheet.findIndex((row) => row.some((cell) => cell.trim() !== ''));
  if (first === -1) throw new ImportError('empty_file');
  const header = options.hasHeader ? Array.from({ length: width }, (_, i) => (sheet[first]?.[i] ?? '').trim()) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  const rows = sheet
    .map((cells, index) => ({ row: index + 1, cells: Array.from({ length: width }, (_, i) => cells[i] ?? '') }))
    .filter((row, index) => index > (options.hasHeader ? first : first - 1) && row.cells.some((cell) => cell.trim() !== ''));
  yield { batch: { rows, problems: [] }, header, fraction: 1 };
}

const SAMPLE_ROWS = 200;

/** A first look: the format, the encoding, the header and a few rows, and the automatic mappings. */
export async function inspectFile(source: FileSource, options: Omit<ReadOptions, 'format'>, readSheet?: SheetReader): Promise<FileInspection> {
  const format = detectFormat(source.name, await source.read(0, 64));
  const empty = { header: [], sample: [], customerMapping: autoMapCustomers([]), interactionMapping: autoMapInteractions([]), dateOrder: null };
  if (format === 'backup') return { format, encoding: null, ...empty };
  const encoding = format === 'xlsx' ? null : resolveEncoding(await source.read(0, DETECTION_SAMPLE_BYTES), options.encoding);
  const sample: string[][] = [];
  let header: string[] = [];
  for await (const step of readRows(source, { ...options, format }, readSheet)) {
    header = step.header ?? header;
    sample.push(...step.batch.rows.slice(0, SAMPLE_ROWS - sample.length).map((row) => row.cells));
    if (sample.length >= SAMPLE_ROWS) break;
  }
  const interactionMapping = autoMapInteractions(header);
  const customerMapping = autoMapCustomers(header);
  const dateColumns = [
    interactionMapping.at,
    ...customerMapping.columns.flatMap((rule, index) => (rule.kind === 'field' && rule.field === 'birthday' ? [index] : [])),
  ].filter((column): column is number => column !== null);
  const dateOrder = guessDateOrder(sample.flatMap((cells) => dateColumns.map((column) => cells[column] ?? '')));
  return { format, encoding, header, sample: sample.slice(0, 5), customerMapping, interactionMapping, dateOrder };
}

/** Ids of a job's records are the job's id with the record's number in its last 48 bits, so a resume writes the same ids. */
export function jobRecordId<Id extends string>(jobId: string, n: number): Id {
  return `${jobId.slice(0, 24)}${n.toString(16).padStart(12, '0')}` as Id;
}

export function isJobRecord(id: string, jobId: string): boolean {
  return id.startsWith(jobId.slice(0, 24));
}

const customerNumber = (row: number) => row * 2;
const interactionNumber = (row: number) => row * 2 + 1;

function memberOf(ref: GroupMember['ref'], fields: Pick<CustomerFields, 'name' | 'emails' | 'phones' | 'company'>): GroupMember {
  const member: GroupMember = { ref, name: fields.name };
  if (fields.emails[0]) member.email = fields.emails[0];
  if (fields.phones[0]) member.phone = fields.phones[0];
  if (fields.company) member.company = fields.company;
  return member;
}

function toPreviewGroups(matches: readonly DuplicateMatch[], members: (ref: GroupMember['ref']) => GroupMember): PreviewGroup[] {
  return groupDuplicates(matches).map((group) => {
    const rows = group.members.flatMap((ref) => (ref.source === 'file' ? [ref.row] : []));
    const hasExisting = group.members.some((ref) => ref.source === 'existing');
    const reasons = [...new Set(group.matches.flatMap((match) => match.reasons))];
    // A shared email or phone is the same person; a similar name is for the user to judge.
    const suggested: DuplicateDecision = group.score === 1 ? 'merge' : 'keep';
    return { key: String(Math.min(...rows)), members: group.members.map(members), reasons, score: group.score, hasExisting, suggested };
  });
}

function keyOfCustomer(by: InteractionRow['customerKey']['by'], customer: WorkspaceCustomer): string[] {
  if (by === 'email') return [...customer.emails];
  if (by === 'phone') return [...customer.phones];
  if (by === 'name') return [customer.name.toLocaleLowerCase()];
  return customer.externalId ? [customer.externalId] : [];
}

function customerKeyIndex(existing: readonly WorkspaceCustomer[], by: InteractionRow['customerKey']['by']): Map<string, CustomerId> {
  const index = new Map<string, CustomerId>();
  for (const customer of existing) for (const key of keyOfCustomer(by, customer)) if (!index.has(key)) index.set(key, customer.id as CustomerId);
  return index;
}

const normaliseKey = (key: InteractionRow['customerKey']) => (key.by === 'name' ? key.value.toLocaleLowerCase() : key.value);

/** What makes two interactions the same one for a re-import: whose, what, when, how much. */
export function interactionSignature(customerId: string, type: string, at: number, amountMinor: number | undefined): string {
  return `${customerId}|${type}|${at}|${amountMinor ?? ''}`;
}

/**
 * Counts down the workspace's interactions as a file's rows match them: a row is already there while an unmatched
 * one with its signature remains (a file may hold two identical purchases, and so may the workspace).
 */
function knownInteractionCounter(existing: ReadonlyMap<string, number> | undefined): (customerId: string | undefined, row: InteractionRow) => boolean {
  const remaining = new Map(existing ?? []);
  return (customerId, row) => {
    if (!customerId) return false;
    const signature = interactionSignature(customerId, row.type, row.at, row.amountMinor);
    const left = remaining.get(signature) ?? 0;
    if (left > 0) remaining.set(signature, left - 1);
    return left > 0;
  };
}

class Reporter {
  issues: RowIssue[] = [];
  changes: CellChange[] = [];
  changeCount = 0;
  private readonly changeLines: string[][] = [];

  constructor(private readonly header: readonly string[]) {}

  add(issues: readonly RowIssue[], changes: readonly CellChange[]): void {
    this.issues.push(...issues);
    this.changeCount += changes.length;
    for (const change of changes) {
      if (this.changes.length < PREVIEW_LIMIT) this.changes.push(change);
      this.changeLines.push([String(change.row), this.header[change.column] ?? `Column ${change.column + 1}`, change.from, change.to, change.rules.join(' ')]);
    }
  }

  changeReport(): string {
    return '\uFEFF' + Papa.unparse({ fields: ['row', 'column', 'from', 'to', 'rules'], data: this.changeLines }, { escapeFormulae: true, newline: '\r\n' });
  }
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled();
}

/** The preview pass: every row cleaned and checked, duplicates found; nothing is written. */
export async function previewImport({ source, settings, existing, existingInteractions, readSheet, signal, onProgress }: PassInput): Promise<ImportPreview> {
  const index = settings.kind === 'customers' ? existingCustomerIndex(existing) : new DuplicateIndex();
  const existingById = new Map(existing.map((c) => [c.id, c]));
  const fileMembers = new Map<number, GroupMember>();
  const matches: DuplicateMatch[] = [];
  const keys = settings.interactionMapping.customerKey ? customerKeyIndex(existing, settings.interactionMapping.customerKey.by) : new Map<string, CustomerId>();
  const unknownKeys = new Set<string>();
  const isKnown = knownInteractionCounter(existingInteractions);
  let knownInteractions = 0;
  const accepted: ImportPreview['accepted'] = { customers: [], interactions: [] };
  let reporter: Reporter | null = null;
  let header: string[] = [];
  let rowsRead = 0;
  let validRows = 0;
  let lastRow = 0;
  for await (const step of readRows(source, settings, readSheet)) {
    checkCancelled(signal);
    header = step.header ?? header;
    reporter ??= new Reporter(header);
    const { batch } = step;
    rowsRead += batch.rows.length + batch.problems.length;
    lastRow = Math.max(lastRow, ...batch.rows.map((r) => r.row), ...batch.problems.map((p) => p.row));
    if (settings.kind === 'customers') {
      const result = importCustomerBatch(batch, settings.customerMapping, settings.clean, index);
      reporter.add(result.issues, result.changes);
      validRows += result.customers.length;
      accepted.customers.push(...result.customers);
      for (const { row, value } of result.customers) fileMembers.set(row, memberOf({ source: 'file', row }, value));
      matches.push(...result.duplicates);
    } else {
      const result = importInteractionBatch(batch, settings.interactionMapping, settings.clean);
      reporter.add(result.issues, result.changes);
      validRows += result.interactions.length;
      accepted.interactions.push(...result.interactions);
      for (const { value } of result.interactions) {
        const key = normaliseKey(value.customerKey);
        if (!keys.has(key)) unknownKeys.add(key);
        if (isKnown(keys.get(key), value)) knownInteractions += 1;
      }
    }
    onProgress?.(rowsRead, step.fraction);
  }
  const report = reporter ?? new Reporter(header);
  const invalid = new Set(report.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row));
  const memberOfRef = (ref: GroupMember['ref']): GroupMember => {
    if (ref.source === 'file') return fileMembers.get(ref.row) ?? { ref, name: '' };
    const customer = existingById.get(ref.id);
    return customer ? memberOf(ref, { ...customer, emails: [...customer.emails], phones: [...customer.phones] }) : { ref, name: '' };
  };
  return {
    kind: settings.kind,
    header,
    rowsRead,
    validRows,
    invalidRows: invalid.size,
    issues: report.issues.slice(0, PREVIEW_LIMIT),
    issueCount: report.issues.length,
    changes: report.changes,
    changeCount: report.changeCount,
    errorReport: errorReportCsv(report.issues, header),
    changeReport: report.changeReport(),
    groups: toPreviewGroups(matches, memberOfRef),
    newCustomers: unknownKeys.size,
    knownInteractions,
    lastRow,
    accepted,
  };
}

/** The customer fields a mapping fills: a merge into a workspace customer changes only those. */
function mappedFields(mapping: CustomerMapping): Set<keyof CustomerFields> {
  const byTarget: Partial<Record<CustomerTarget, keyof CustomerFields>> = { givenName: 'name', familyName: 'name', email: 'emails', phone: 'phones' };
  const fields = new Set<keyof CustomerFields>();
  for (const rule of mapping.columns) {
    if (rule.kind === 'custom') fields.add('custom');
    if (rule.kind === 'field') fields.add(byTarget[rule.field] ?? (rule.field as keyof CustomerFields));
  }
  return fields;
}

function pick(fields: CustomerFields, keys: ReadonlySet<keyof CustomerFields>): Partial<CustomerFields> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => keys.has(key as keyof CustomerFields))) as Partial<CustomerFields>;
}

/** Rows of one file merged into one customer: the later row counts as the newer, the first row's record survives. */
function mergeRows(jobId: string, rows: ReadonlyArray<{ row: number; fields: CustomerFields }>): CustomerFields {
  const [first] = rows;
  if (!first || rows.length === 1) return first?.fields as CustomerFields;
  const customers = rows.map(({ row, fields }): Customer => ({
    ...fields,
    id: jobRecordId<CustomerId>(jobId, customerNumber(row)),
    createdAt: row,
    createdBy: jobId as Customer['createdBy'],
    updatedAt: row,
    updatedBy: jobId as Customer['updatedBy'],
  }));
  return planMerge(customers, customers[0]?.id).fields;
}

export interface CommitInput extends Omit<PassInput, 'source' | 'readSheet'> {
  preview: ImportPreview;
  choices: DuplicateChoices;
  jobId: string;
  resumeAfterRow: number;
  emit: (chunk: ImportChunk) => Promise<void>;
}

/** Rows turned into records between two progress reports and cancellation checks. */
const COMMIT_STEP = 500;

/**
 * The commit pass over the preview's accepted rows: each turned into records with ids derived from the job and the
 * row, the user's duplicate decisions applied, and chunks handed to `emit` one at a time. Rows up to
 * `resumeAfterRow` were written before an interruption and are not sent again; `existing` must then leave out the
 * job's own records ({@link isJobRecord}), or the rows would be matched to themselves.
 */
export async function commitImport(input: CommitInput): Promise<number> {
  const { settings, preview, choices, jobId, resumeAfterRow, emit, signal, onProgress } = input;
  if (settings.mode === 'all' && preview.invalidRows > 0) throw new ImportRefused(preview.invalidRows);
  let seq = 0;
  let chunk: ImportChunk = { seq, lastRow: 0, customers: [], updates: [], interactions: [] };
  let written = 0;
  const flush = async (lastRow: number, force = false) => {
    const size = chunk.customers.length + chunk.updates.length + chunk.interactions.length;
    if (size === 0 || (!force && size < COMMIT_CHUNK)) return;
    chunk.lastRow = lastRow;
    await emit(chunk);
    written += size;
    seq += 1;
    chunk = { seq, lastRow: 0, customers: [], updates: [], interactions: [] };
  };
  const { customers, interactions } = preview.accepted;
  const total = customers.length + interactions.length;
  let done = 0;
  const step = (row: number) => {
    done += 1;
    if (done % COMMIT_STEP !== 0 && done !== total) return;
    checkCancelled(signal);
    onProgress?.(row, done / total);
  };

  const fate = new Map<number, { group: PreviewGroup; decision: DuplicateDecision }>();
  for (const group of preview.groups) {
    const decision = decisionOf(group, choices);
    for (const member of group.members) if (member.ref.source === 'file') fate.set(member.ref.row, { group, decision });
  }
  const held = new Map<PreviewGroup, Array<{ row: number; fields: CustomerFields }>>();
  checkCancelled(signal);
  for (const { row, value } of customers) {
    step(row);
    const decided = fate.get(row);
    if (decided?.decision === 'merge') {
      held.set(decided.group, [...(held.get(decided.group) ?? []), { row, fields: value }]);
      continue;
    }
    const firstOfGroup = decided && Number(decided.group.key) === row && !decided.group.hasExisting;
    if (decided?.decision === 'skip' && !firstOfGroup) continue;
    if (row > resumeAfterRow) chunk.customers.push({ id: jobRecordId<CustomerId>(jobId, customerNumber(row)), fields: value });
    await flush(row);
  }

  const keys = customerKeyIndex(input.existing, settings.interactionMapping.customerKey?.by ?? 'id');
  const isKnown = knownInteractionCounter(input.existingInteractions);
  for (const { row, value } of interactions) {
    step(row);
    const key = normaliseKey(value.customerKey);
    let customerId = keys.get(key);
    if (isKnown(customerId, value)) continue;
    if (!customerId) {
      customerId = jobRecordId<CustomerId>(jobId, customerNumber(row));
      keys.set(key, customerId);
      const fields = newCustomerFor(value.customerKey, settings.clean.region);
      if (row > resumeAfterRow && fields) chunk.customers.push({ id: customerId, fields });
    }
    const fields: InteractionFields = { customerId, type: value.type, at: value.at };
    if (value.amountMinor !== undefined) fields.amountMinor = value.amountMinor;
    if (value.currency !== undefined) fields.currency = value.currency;
    if (value.subject !== undefined) fields.subject = value.subject;
    if (value.body !== undefined) fields.body = value.body;
    if (value.score !== undefined) fields.score = value.score;
    if (value.scoreScale !== undefined) fields.scoreScale = value.scoreScale;
    if (row > resumeAfterRow) chunk.interactions.push({ id: jobRecordId<InteractionId>(jobId, interactionNumber(row)), fields });
    await flush(row);
  }

  const provided = mappedFields(settings.customerMapping);
  for (const [group, rows] of held) {
    checkCancelled(signal);
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    const fields = mergeRows(jobId, sorted);
    const target = group.members.find((member) => member.ref.source === 'existing')?.ref;
    if (target?.source === 'existing') chunk.updates.push({ id: target.id as CustomerId, fields: pick(fields, provided) });
    else chunk.customers.push({ id: jobRecordId<CustomerId>(jobId, customerNumber(sorted[0]?.row ?? 0)), fields });
    await flush(preview.lastRow);
  }
  await flush(preview.lastRow + 1, true);
  return written;
}

/** A customer a history file names but the workspace does not have: named by the key, found by it next time. */
function newCustomerFor(key: InteractionRow['customerKey'], region: ImportSettings['clean']['region']): CustomerFields | undefined {
  const input =
    key.by === 'email' ? { name: key.value, emails: [key.value] }
    : key.by === 'phone' ? { name: key.value, phones: [key.value] }
    : key.by === 'name' ? { name: key.value }
    : { name: key.value, custom: { externalId: key.value } };
  const checked = validateNewCustomer({ ...input, lifecycle: 'customer' }, region);
  return checked.ok ? checked.value : undefined;
}

/** Customers of the workspace that look like one another, for the "Find duplicates" view. */
export function findWorkspaceDuplicates(customers: readonly WorkspaceCustomer[]): WorkspaceDuplicate[] {
  const index = new DuplicateIndex();
  const byId = new Map(customers.map((c) => [c.id, c]));
  const matches: DuplicateMatch[] = [];
  for (const customer of customers) {
    matches.push(...index.matchAndAdd({ ref: { source: 'existing', id: customer.id }, name: customer.name, company: customer.company, emails: customer.emails, phones: customer.phones }));
  }
  return groupDuplicates(matches)
    .map((group) => ({
      members: group.members.flatMap((ref) => {
        const customer = ref.source === 'existing' ? byId.get(ref.id) : undefined;
        if (!customer) return [];
        const member: WorkspaceDuplicate['members'][number] = { id: customer.id, name: customer.name };
        if (customer.emails[0]) member.email = customer.emails[0];
        if (customer.phones[0]) member.phone = customer.phones[0];
        if (customer.company) member.company = customer.company;
        return [member];
      }),
      reasons: [...new Set(group.matches.flatMap((m) => m.reasons))],
      score: group.score,
    }))
    .sort((a, b) => b.score - a.score);
}
