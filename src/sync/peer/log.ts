// Everything that arrives from a peer, a signaling server or a file is untrusted (DESIGN §8). What is refused is
// reported here, with a code the diagnostics screen can count and a detail a developer can read, and then dropped.

export type SyncIssue =
  | 'bad_frame'
  | 'duplicate_frame'
  | 'garbled_message'
  | 'incomplete_message'
  | 'message_too_large'
  | 'decrypt_failed'
  | 'malformed_message'
  | 'bad_document_name'
  | 'bad_update'
  | 'unauthenticated'
  | 'proof_rejected'
  | 'protocol_version'
  | 'signal_rejected'
  | 'send_failed'
  | 'signaling_error';

export interface SyncLogEntry {
  code: SyncIssue;
  detail: string;
}

export type SyncLog = (entry: SyncLogEntry) => void;

export const consoleSyncLog: SyncLog = ({ code, detail }) => console.warn(`[sync] ${code}: ${detail}`);
