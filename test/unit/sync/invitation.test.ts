import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { invitationLink, readInvitation, withoutInvitation } from '../../../src/app/sync/utils/invitation';
import { createIdentity, readIdentity, updateSecret } from '../../../src/app/workspace/state/identity';
import { newWorkspaceSecret } from '../../../src/sync/peer/crypto';

// Joining by link: what the link carries and how the device's identity keeps the workspace secret.

const WORKSPACE = '01a20794-dcbb-7786-a62d-85ed9dc7c97a';
const SECRET = 'YZ0IYzSowl9T8MIo714OoU-x2jbAq4kfirD1PrgTaTs';

describe('invitation links', () => {
  test('carry the invite and both servers in the fragment, and come back out of it', () => {
    const link = invitationLink('https://crm.example.com/', { workspaceId: WORKSPACE, secret: SECRET }, { signalingUrl: 'ws://192.168.1.10:4444', relayUrl: 'wss://relay.example.com/' });
    expect(link).toBe(`https://crm.example.com/#join=${WORKSPACE}.${SECRET}&signal=ws%3A%2F%2F192.168.1.10%3A4444&relay=wss%3A%2F%2Frelay.example.com%2F`);
    expect(readInvitation(link)).toEqual({
      ok: true,
      invitation: { invite: { workspaceId: WORKSPACE, secret: SECRET }, signalingUrl: 'ws://192.168.1.10:4444', relayUrl: 'wss://relay.example.com/' },
    });
    expect(withoutInvitation(`${link}&lang=zh`)).toBe('https://crm.example.com/#lang=zh');
    expect(withoutInvitation(link)).toBe('https://crm.example.com/');
  });

  test('without servers the link is the bare invite; a server that is not ws:// or wss:// is dropped', () => {
    const bare = invitationLink('http://127.0.0.1:4173/', { workspaceId: WORKSPACE, secret: SECRET }, { signalingUrl: '', relayUrl: '' });
    expect(bare).toBe(`http://127.0.0.1:4173/#join=${WORKSPACE}.${SECRET}`);
    expect(readInvitation(`${bare}&signal=${encodeURIComponent('javascript:alert(1)')}`)).toMatchObject({ ok: true, invitation: { signalingUrl: undefined, relayUrl: undefined } });
  });

  test('a damaged invite is named; a link without one is not an invitation', () => {
    expect(readInvitation(`https://crm.example.com/#join=${WORKSPACE}.${SECRET.slice(0, 10)}`)).toEqual({ ok: false, problem: 'bad_secret' });
    expect(readInvitation(`https://crm.example.com/#join=not-an-id.${SECRET}`)).toEqual({ ok: false, problem: 'bad_workspace_id' });
    expect(readInvitation('https://crm.example.com/customers#top')).toBeNull();
  });
});

describe('identity and its secret', () => {
  const store = new Map<string, string>();
  beforeEach(() => {
    store.clear();
    globalThis.localStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    } as Storage;
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  test('a new workspace gets its own secret; an identity from before sync gets one on first read, kept after', () => {
    const owner = createIdentity({ displayName: ' Alice ', defaultRegion: 'CN', currency: 'CNY' });
    expect(owner).toMatchObject({ displayName: 'Alice', role: 'owner', defaults: { defaultRegion: 'CN', currency: 'CNY' } });
    expect(owner.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readIdentity()).toEqual(owner);

    store.set('rapport.identity', JSON.stringify({ ...owner, secret: undefined }));
    const upgraded = readIdentity();
    expect(upgraded?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(upgraded?.secret).not.toBe(owner.secret);
    expect(readIdentity()).toEqual(upgraded);
  });

  test('joining by invite takes the workspace and its secret as a member, without seeding settings; a rotation is kept', () => {
    const member = createIdentity({ displayName: 'Bob', defaultRegion: 'US', currency: 'USD' }, { workspaceId: WORKSPACE, secret: SECRET });
    expect(member).toMatchObject({ workspaceId: WORKSPACE, secret: SECRET, role: 'member', defaults: {} });
    const rotated = newWorkspaceSecret();
    expect(updateSecret(rotated)?.secret).toBe(rotated);
    expect(readIdentity()?.secret).toBe(rotated);
  });
});
