import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CUSTOMERS_DOC, META_DOC, WORK_DOC } from '../documentNames';

// The messages two devices exchange over one channel for a whole workspace. A workspace is a set of documents, so
// every sync message names its document: one connection per peer carries them all, rather than one room per
// document as y-webrtc would need. Binary, lib0-encoded (the encoding Yjs itself uses):
//   type (varuint), then per type:
//   hello      protocol version, peer id, challenge
//   proof      HMAC of the other side's challenge and this side's peer id
//   docList    the names of every document this side knows
//   syncStep1  doc, state vector            (what I have; send me what I lack)
//   syncStep2  doc, update                  (what you lacked)
//   update     doc, update                  (a change made or received since)
//   presence   member id, display name, device id, sender's time

export const PROTOCOL_VERSION = 1;

export interface Presence {
  memberId: string;
  displayName: string;
  deviceId: string;
  /** The sender's clock when sent, epoch ms. */
  at: number;
}

export type PeerMessage =
  | { type: 'hello'; version: number; peerId: string; challenge: Uint8Array }
  | { type: 'proof'; proof: Uint8Array }
  | { type: 'docList'; names: string[] }
  | { type: 'syncStep1'; doc: string; stateVector: Uint8Array }
  | { type: 'syncStep2'; doc: string; update: Uint8Array }
  | { type: 'update'; doc: string; update: Uint8Array }
  | { type: 'presence'; presence: Presence };

export type PeerMessageType = PeerMessage['type'];

const TYPES: readonly PeerMessageType[] = ['hello', 'proof', 'docList', 'syncStep1', 'syncStep2', 'update', 'presence'];

export const LIMITS = {
  idChars: 128,
  displayNameChars: 200,
  docNames: 4096,
  challengeBytes: { min: 16, max: 64 },
  proofBytes: 32,
  /** A workspace of 100k customers is ~32 MB of state; room for several times that. */
  updateBytes: 200 * 1024 * 1024,
  stateVectorBytes: 1024 * 1024,
} as const;

/** The documents a workspace can hold (documentNames.ts): a peer cannot make a device open anything else. */
const DOC_NAME = new RegExp(`^(${META_DOC}|${CUSTOMERS_DOC}|${WORK_DOC}|(interactions|audit)-\\d{4}-Q[1-4]-\\d{1,3})$`);

export function isDocumentName(name: string): boolean {
  return DOC_NAME.test(name);
}

export function encodeMessage(message: PeerMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(message.type));
  switch (message.type) {
    case 'hello':
      encoding.writeVarUint(encoder, message.version);
      encoding.writeVarString(encoder, message.peerId);
      encoding.writeVarUint8Array(encoder, message.challenge);
      break;
    case 'proof':
      encoding.writeVarUint8Array(encoder, message.proof);
      break;
    case 'docList':
      encoding.writeVarUint(encoder, message.names.length);
      for (const name of message.names) encoding.writeVarString(encoder, name);
      break;
    case 'syncStep1':
      encoding.writeVarString(encoder, message.doc);
      encoding.writeVarUint8Array(encoder, message.stateVector);
      break;
    case 'syncStep2':
    case 'update':
      encoding.writeVarString(encoder, message.doc);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'presence':
      encoding.writeVarString(encoder, message.presence.memberId);
      encoding.writeVarString(encoder, message.presence.displayName);
      encoding.writeVarString(encoder, message.presence.deviceId);
      encoding.writeFloat64(encoder, message.presence.at);
      break;
  }
  return encoding.toUint8Array(encoder);
}

export type Decoded = { ok: true; message: PeerMessage } | { ok: false; reason: string };

class Malformed extends Error {}

function text(decoder: decoding.Decoder, field: string, maxChars: number): string {
  const value = decoding.readVarString(decoder);
  if (value.length > maxChars) throw new Malformed(`${field} has ${value.length} characters, limit ${maxChars}`);
  return value;
}

function docName(decoder: decoding.Decoder): string {
  const name = text(decoder, 'document name', 64);
  if (!isDocumentName(name)) throw new Malformed(`"${name}" is not a workspace document`);
  return name;
}

function bytes(decoder: decoding.Decoder, field: string, min: number, max: number): Uint8Array {
  const value = decoding.readVarUint8Array(decoder);
  if (value.byteLength < min || value.byteLength > max) {
    throw new Malformed(`${field} has ${value.byteLength} bytes, expected ${min}-${max}`);
  }
  return value;
}

function readMessage(decoder: decoding.Decoder): PeerMessage {
  const tag = decoding.readVarUint(decoder);
  const type = TYPES[tag];
  switch (type) {
    case 'hello':
      return {
        type,
        version: decoding.readVarUint(decoder),
        peerId: text(decoder, 'peer id', LIMITS.idChars),
        challenge: bytes(decoder, 'challenge', LIMITS.challengeBytes.min, LIMITS.challengeBytes.max),
      };
    case 'proof':
      return { type, proof: bytes(decoder, 'proof', LIMITS.proofBytes, LIMITS.proofBytes) };
    case 'docList': {
      const count = decoding.readVarUint(decoder);
      if (count > LIMITS.docNames) throw new Malformed(`${count} document names, limit ${LIMITS.docNames}`);
      return { type, names: Array.from({ length: count }, () => docName(decoder)) };
    }
    case 'syncStep1': {
      const doc = docName(decoder);
      const stateVector = bytes(decoder, 'state vector', 1, LIMITS.stateVectorBytes);
      Y.decodeStateVector(stateVector);
      return { type, doc, stateVector };
    }
    case 'syncStep2':
    case 'update':
      return { type, doc: docName(decoder), update: bytes(decoder, 'update', 2, LIMITS.updateBytes) };
    case 'presence': {
      const presence = {
        memberId: text(decoder, 'member id', LIMITS.idChars),
        displayName: text(decoder, 'display name', LIMITS.displayNameChars),
        deviceId: text(decoder, 'device id', LIMITS.idChars),
        at: decoding.readFloat64(decoder),
      };
      if (!Number.isFinite(presence.at)) throw new Malformed('presence time is not a number');
      return { type, presence };
    }
  }
  throw new Malformed(`unknown message type ${tag}`);
}

/** Reads one message and checks every field against its limits; never throws. Updates are checked separately
 *  (checkUpdate), by whoever is about to apply them. */
export function decodeMessage(data: Uint8Array): Decoded {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    if (decoding.hasContent(decoder)) return { ok: false, reason: `${data.byteLength - decoder.pos} bytes after the ${message.type} message` };
    return { ok: true, message };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Decodes a Yjs update in full without applying it: Yjs integrates an update's structs before it reads its delete
 * set, so a damaged update could otherwise be applied half-way. Costs about half as much as applying it.
 */
export function checkUpdate(update: Uint8Array): string | undefined {
  try {
    Y.decodeUpdate(update);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
