import { describe, expect, test } from 'vitest';
import {
  DecryptError,
  deriveWorkspaceKeys,
  fromBase64Url,
  InvalidSecretError,
  newChallenge,
  newWorkspaceSecret,
  open,
  proveSecret,
  seal,
  toBase64Url,
  verifySecretProof,
} from '../../../src/sync/peer/crypto';
import { encryptedChannel, type PeerChannel } from '../../../src/sync/peer/channel';
import { inviteLink, parseInvite, rotateSecret, withoutInvite } from '../../../src/sync/peer/invite';

const WORKSPACE = '019ab2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';
const text = new TextEncoder();

describe('workspace secret and keys', () => {
  test('a new secret is 256 random bits in 43 base64url characters, different every time', () => {
    const secret = newWorkspaceSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64Url(secret)).toHaveLength(32);
    expect(newWorkspaceSecret()).not.toBe(secret);
  });

  test('base64url round trip, and refusal of other text', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(() => fromBase64Url('abc+/')).toThrow(InvalidSecretError);
    expect(() => fromBase64Url('abcde')).toThrow(InvalidSecretError);
  });

  test('a secret under 128 bits is refused', async () => {
    await expect(deriveWorkspaceKeys(WORKSPACE, toBase64Url(new Uint8Array(15)))).rejects.toThrow(/at least 16 bytes, this one has 15/);
  });

  test('seal and open round trip; the same plaintext seals differently each time (random IV)', async () => {
    const keys = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const plaintext = text.encode('王芳 wang.fang@example.com');
    const [a, b] = await Promise.all([seal(keys.data, plaintext), seal(keys.data, plaintext)]);
    expect(a.byteLength).toBe(plaintext.byteLength + 1 + 12 + 16);
    expect(a).not.toEqual(b);
    expect(await open(keys.data, a)).toEqual(plaintext);
    expect(await open(keys.data, b)).toEqual(plaintext);
  });

  test('another secret, another purpose, another workspace id, or one flipped bit: nothing opens', async () => {
    const secret = newWorkspaceSecret();
    const keys = await deriveWorkspaceKeys(WORKSPACE, secret);
    const sealed = await seal(keys.data, text.encode('customer list'));
    const wrongSecret = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const otherWorkspace = await deriveWorkspaceKeys('019ab2c4-5d6e-7f80-9a1b-000000000000', secret);
    const flipped = sealed.slice();
    flipped[20] = (flipped[20] as number) ^ 1;
    await expect(open(wrongSecret.data, sealed)).rejects.toThrow(DecryptError);
    await expect(open(otherWorkspace.data, sealed)).rejects.toThrow(DecryptError);
    await expect(open(keys.signaling, sealed)).rejects.toThrow(DecryptError);
    await expect(open(keys.data, flipped)).rejects.toThrow(/authentication failed/);
    await expect(open(keys.data, Uint8Array.of(1, 2, 3))).rejects.toThrow(/not a sealed message \(3 bytes/);
  });

  test('keys are a function of workspace id and secret: the topic is stable, hex, and hides the id', async () => {
    const secret = newWorkspaceSecret();
    const [a, b, rotated] = await Promise.all([
      deriveWorkspaceKeys(WORKSPACE, secret),
      deriveWorkspaceKeys(WORKSPACE, secret),
      deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret()),
    ]);
    expect(a.topic).toMatch(/^[0-9a-f]{64}$/);
    expect(b.topic).toBe(a.topic);
    expect(rotated.topic).not.toBe(a.topic);
    expect(a.topic).not.toContain(WORKSPACE.replaceAll('-', ''));
    expect(await open(b.data, await seal(a.data, Uint8Array.of(5)))).toEqual(Uint8Array.of(5));
  });

  test('proof of the secret: the right secret passes; a wrong secret, another challenge or another id fails', async () => {
    const secret = newWorkspaceSecret();
    const keys = await deriveWorkspaceKeys(WORKSPACE, secret);
    const stranger = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const challenge = newChallenge();
    const proof = await proveSecret(keys, challenge, 'device-b');
    expect(proof).toHaveLength(32);
    expect(await verifySecretProof(keys, challenge, 'device-b', proof)).toBe(true);
    expect(await verifySecretProof(keys, challenge, 'device-a', proof)).toBe(false);
    expect(await verifySecretProof(keys, newChallenge(), 'device-b', proof)).toBe(false);
    expect(await verifySecretProof(keys, challenge, 'device-b', await proveSecret(stranger, challenge, 'device-b'))).toBe(false);
  });
});

describe('invites', () => {
  test('link round trip: id and secret ride in the fragment only', () => {
    const invite = { workspaceId: WORKSPACE, secret: newWorkspaceSecret() };
    const link = inviteLink('https://crm.example.com/app/?lang=zh#settings', invite);
    expect(link).toBe(`https://crm.example.com/app/?lang=zh#join=${WORKSPACE}.${invite.secret}`);
    const url = new URL(link);
    expect(url.pathname + url.search).not.toContain(invite.secret);
    expect(parseInvite(link)).toEqual({ ok: true, invite });
    expect(parseInvite(url.hash)).toEqual({ ok: true, invite });
    expect(withoutInvite(link)).toBe('https://crm.example.com/app/?lang=zh');
  });

  test('bad invites get a specific problem', () => {
    const secret = newWorkspaceSecret();
    expect(parseInvite('https://crm.example.com/#settings')).toMatchObject({ ok: false, problem: 'no_invite' });
    expect(parseInvite(`#join=${WORKSPACE}`)).toMatchObject({ ok: false, problem: 'malformed' });
    expect(parseInvite(`#join=${WORKSPACE}.${secret}.x`)).toMatchObject({ ok: false, problem: 'malformed' });
    expect(parseInvite(`#join=workspace.${secret}`)).toEqual({ ok: false, problem: 'bad_workspace_id', detail: '"workspace" is not a workspace id' });
    expect(parseInvite(`#join=${WORKSPACE}.c2hvcnQ`)).toEqual({
      ok: false,
      problem: 'bad_secret',
      detail: 'a workspace secret needs at least 16 bytes, this one has 5',
    });
    expect(parseInvite(`#join=${WORKSPACE}.${secret.slice(0, 30)}+/`)).toMatchObject({ ok: false, problem: 'bad_secret' });
  });

  test('rotation keeps the workspace and replaces the secret, so old keys no longer open new messages', async () => {
    const invite = { workspaceId: WORKSPACE, secret: newWorkspaceSecret() };
    const rotated = rotateSecret(invite);
    expect(rotated.workspaceId).toBe(WORKSPACE);
    expect(rotated.secret).not.toBe(invite.secret);
    const [oldKeys, newKeys] = await Promise.all([deriveWorkspaceKeys(WORKSPACE, invite.secret), deriveWorkspaceKeys(WORKSPACE, rotated.secret)]);
    await expect(open(oldKeys.data, await seal(newKeys.data, Uint8Array.of(1)))).rejects.toThrow(DecryptError);
  });
});

describe('encrypted channel', () => {
  test('flushed settles once every message sent so far is sealed and in the transport below, in order', async () => {
    const keys = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const handedOver: Uint8Array[] = [];
    const transport: PeerChannel = { send: (message) => handedOver.push(message), onMessage: () => {}, onClose: () => {}, close: () => {} };
    const channel = encryptedChannel(transport, keys.data, () => {});
    channel.send(text.encode('first'));
    channel.send(text.encode('second'));
    // Sealing is asynchronous: nothing has reached the transport when send returns.
    expect(handedOver).toHaveLength(0);
    await channel.flushed?.();
    expect(await Promise.all(handedOver.map(async (sealed) => new TextDecoder().decode(await open(keys.data, sealed))))).toEqual(['first', 'second']);
  });
});
