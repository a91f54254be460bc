import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { now } from '../../platform/clock';
import { DecryptError, open, seal, type WorkspaceKeys } from '../../sync/peer/crypto';
import { checkUpdate, isDocumentName, LIMITS } from '../../sync/peer/protocol';
import { META_DOC } from '../../sync/documentNames';
import type { WorkspaceDocs } from '../../sync/workspaceDocs';

// A sync file carries a workspace between devices with no network between them (DESIGN §5, sneakernet): every
// document's state as a Yjs update, sealed with the workspace's data key. Only a device holding the secret can read
// it, and importing merges it as a peer's sync would. Layout:
//   "RAPPORT-SYNC" (12 bytes), format version (1 byte), workspace id (lib0 varString), sealed body
//   body: created at (float64), document count (varuint), then per document its name and update (varUint8Array)
// The workspace id is outside the seal so a file from another workspace is named as such, not as a wrong secret.

const MAGIC = new TextEncoder().encode('RAPPORT-SYNC');
const FORMAT_VERSION = 1;
/** The origin of transactions that apply a sync file. */
export const SYNC_FILE_ORIGIN = 'sync-file';

export type SyncFileProblem = 'not_a_sync_file' | 'unsupported_version' | 'other_workspace' | 'wrong_secret' | 'damaged';

export class SyncFileError extends Error {
  override readonly name = 'SyncFileError';
  constructor(
    readonly problem: SyncFileProblem,
    detail: string,
  ) {
    super(`sync file: ${detail}`);
  }
}

export interface SyncFileImport {
  documents: number;
  createdAt: number;
}

export async function exportSyncFile(docs: WorkspaceDocs, keys: WorkspaceKeys): Promise<Uint8Array> {
  const body = encoding.createEncoder();
  encoding.writeFloat64(body, now());
  const names = await docs.knownNames();
  encoding.writeVarUint(body, names.length);
  for (const name of names) {
    encoding.writeVarString(body, name);
    encoding.writeVarUint8Array(body, Y.encodeStateAsUpdate(await docs.open(name)));
  }
  const file = encoding.createEncoder();
  encoding.writeUint8Array(file, MAGIC);
  encoding.writeUint8(file, FORMAT_VERSION);
  encoding.writeVarString(file, keys.workspaceId);
  encoding.writeUint8Array(file, await seal(keys.data, encoding.toUint8Array(body)));
  return encoding.toUint8Array(file);
}

function readHeader(file: Uint8Array, keys: WorkspaceKeys): Uint8Array {
  if (file.byteLength < MAGIC.byteLength + 2 || MAGIC.some((byte, index) => file[index] !== byte)) {
    throw new SyncFileError('not_a_sync_file', 'this is not a Rapport sync file');
  }
  const decoder = decoding.createDecoder(file);
  decoding.readUint8Array(decoder, MAGIC.byteLength);
  const version = decoding.readUint8(decoder);
  if (version !== FORMAT_VERSION) throw new SyncFileError('unsupported_version', `format version ${version}; this app reads ${FORMAT_VERSION}`);
  let workspaceId: string;
  try {
    workspaceId = decoding.readVarString(decoder);
  } catch {
    throw new SyncFileError('damaged', 'the header is cut short');
  }
  if (workspaceId !== keys.workspaceId) throw new SyncFileError('other_workspace', `it belongs to workspace ${workspaceId.slice(0, 40)}, not this one`);
  return file.subarray(decoder.pos);
}

function readBody(body: Uint8Array): { createdAt: number; updates: [string, Uint8Array][] } {
  try {
    const decoder = decoding.createDecoder(body);
    const createdAt = decoding.readFloat64(decoder);
    const count = decoding.readVarUint(decoder);
    if (count > LIMITS.docNames) throw new Error(`${count} documents, limit ${LIMITS.docNames}`);
    const updates: [string, Uint8Array][] = [];
    for (let index = 0; index < count; index += 1) {
      const name = decoding.readVarString(decoder);
      if (!isDocumentName(name)) throw new Error(`"${name.slice(0, 64)}" is not a workspace document`);
      const update = decoding.readVarUint8Array(decoder);
      if (update.byteLength > LIMITS.updateBytes) throw new Error(`${name} has ${update.byteLength} bytes, limit ${LIMITS.updateBytes}`);
      const problem = checkUpdate(update);
      if (problem) throw new Error(`${name}: ${problem}`);
      updates.push([name, update]);
    }
    if (decoding.hasContent(decoder)) throw new Error('bytes after the last document');
    return { createdAt, updates };
  } catch (error) {
    throw new SyncFileError('damaged', error instanceof Error ? error.message : String(error));
  }
}

/** Merges a sync file into the workspace. Every document is checked before any is applied: a bad file changes nothing. */
export async function importSyncFile(docs: WorkspaceDocs, keys: WorkspaceKeys, file: Uint8Array): Promise<SyncFileImport> {
  const sealed = readHeader(file, keys);
  let body: Uint8Array;
  try {
    body = await open(keys.data, sealed);
  } catch (error) {
    if (error instanceof DecryptError) throw new SyncFileError('wrong_secret', 'it was sealed with another secret of this workspace (rotated since?), or altered');
    throw error;
  }
  const { createdAt, updates } = readBody(body);
  // Meta first: it names the shard documents the others fill.
  updates.sort(([a], [b]) => Number(b === META_DOC) - Number(a === META_DOC));
  for (const [name, update] of updates) Y.applyUpdate(await docs.open(name), update, SYNC_FILE_ORIGIN);
  return { documents: updates.length, createdAt };
}
