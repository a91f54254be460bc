// The workspace secret gates sync (DESIGN §5, §8). Every key comes from it by HKDF with the workspace id as salt,
// one key per purpose, so a key that leaks from one use (say, a signaling log) opens nothing else. Web Crypto only:
// the same code runs in browsers and in Node 20.

/** 256 bits: well past the 128 the issue asks for, and still a short link (43 characters). */
const SECRET_BYTES = 32;
const MIN_SECRET_BYTES = 16;
const IV_BYTES = 12;
const SEALED_VERSION = 1;
const CHALLENGE_BYTES = 32;

export type KeyPurpose = 'signaling' | 'data' | 'proof' | 'topic';

export interface WorkspaceKeys {
  workspaceId: string;
  /** Encrypts what goes through the signaling server. */
  signaling: CryptoKey;
  /** Encrypts what goes between peers and into sync files. */
  data: CryptoKey;
  /** Answers join challenges: proves the secret without revealing it. */
  proof: CryptoKey;
  /** The signaling room: derived from the secret, so the server never sees the workspace id and an old secret
   *  (after rotation) does not even find the room. Hex. */
  topic: string;
}

export class InvalidSecretError extends Error {
  override readonly name = 'InvalidSecretError';
}

export class DecryptError extends Error {
  override readonly name = 'DecryptError';
}

const utf8 = new TextEncoder();

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let start = 0; start < bytes.length; start += step) {
    binary += String.fromCharCode(...bytes.subarray(start, start + step));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Throws InvalidSecretError on anything but unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new InvalidSecretError('not base64url text');
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function newWorkspaceSecret(): string {
  return toBase64Url(randomBytes(SECRET_BYTES));
}

/** The secret's bytes; refuses text that is not base64url or carries under 128 bits. */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64Url(secret);
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new InvalidSecretError(`a workspace secret needs at least ${MIN_SECRET_BYTES} bytes, this one has ${bytes.length}`);
  }
  return bytes;
}

function info(purpose: KeyPurpose): Uint8Array<ArrayBuffer> {
  return utf8.encode(`rapport/v1/${purpose}`);
}

export async function deriveWorkspaceKeys(workspaceId: string, secret: string): Promise<WorkspaceKeys> {
  const master = await crypto.subtle.importKey('raw', secretBytes(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
  const salt = utf8.encode(workspaceId);
  const hkdf = (purpose: KeyPurpose) => ({ name: 'HKDF', hash: 'SHA-256', salt, info: info(purpose) });
  const aes = (purpose: KeyPurpose) =>
    crypto.subtle.deriveKey(hkdf(purpose), master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const [signaling, data, proof, topicBits] = await Promise.all([
    aes('signaling'),
    aes('data'),
    crypto.subtle.deriveKey(hkdf('proof'), master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']),
    crypto.subtle.deriveBits(hkdf('topic'), master, 256),
  ]);
  const topic = [...new Uint8Array(topicBits)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return { workspaceId, signaling, data, proof, topic };
}

/** AES-GCM with a fresh random IV: version (1 byte), IV (12 bytes), ciphertext and tag. */
export async function seal(key: CryptoKey, plaintext: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const iv = randomBytes(IV_BYTES);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext as Uint8Array<ArrayBuffer>);
  const sealed = new Uint8Array(1 + IV_BYTES + ciphertext.byteLength);
  sealed[0] = SEALED_VERSION;
  sealed.set(iv, 1);
  sealed.set(new Uint8Array(ciphertext), 1 + IV_BYTES);
  return sealed;
}

/** Throws DecryptError when the bytes were not sealed with this key, or were changed on the way. */
export async function open(key: CryptoKey, sealed: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed.byteLength < 1 + IV_BYTES + 16 || sealed[0] !== SEALED_VERSION) {
    throw new DecryptError(`not a sealed message (${sealed.byteLength} bytes, version ${sealed[0] ?? 'none'})`);
  }
  try {
    const iv = sealed.slice(1, 1 + IV_BYTES);
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed.slice(1 + IV_BYTES));
    return new Uint8Array(plaintext);
  } catch {
    throw new DecryptError('authentication failed: another secret, or the message was altered');
  }
}

export function newChallenge(): Uint8Array<ArrayBuffer> {
  return randomBytes(CHALLENGE_BYTES);
}

function proofInput(challenge: Uint8Array, proverId: string): Uint8Array<ArrayBuffer> {
  // The prover's id is inside the MAC, so a challenge reflected back at its sender cannot be answered with the
  // sender's own proof.
  const id = utf8.encode(proverId);
  const input = new Uint8Array(challenge.byteLength + 1 + id.byteLength);
  input.set(challenge, 0);
  input[challenge.byteLength] = 0;
  input.set(id, challenge.byteLength + 1);
  return input;
}

/** HMAC of the verifier's random challenge and the prover's id: knowing the secret, shown without revealing it. */
export async function proveSecret(keys: WorkspaceKeys, challenge: Uint8Array, proverId: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', keys.proof, proofInput(challenge, proverId)));
}

export async function verifySecretProof(keys: WorkspaceKeys, challenge: Uint8Array, proverId: string, proof: Uint8Array): Promise<boolean> {
  return crypto.subtle.verify('HMAC', keys.proof, proof as Uint8Array<ArrayBuffer>, proofInput(challenge, proverId));
}
