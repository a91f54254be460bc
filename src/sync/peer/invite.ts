import { InvalidSecretError, newWorkspaceSecret, secretBytes } from './crypto';

// An invite is a link whose fragment (`#join=<workspaceId>.<secret>`) carries everything needed to join. Browsers
// never send the fragment to a server, so the secret travels only from screen (or QR code) to device.

export interface Invite {
  workspaceId: string;
  secret: string;
}

export type InviteProblem = 'no_invite' | 'malformed' | 'bad_workspace_id' | 'bad_secret';

export type ParsedInvite = { ok: true; invite: Invite } | { ok: false; problem: InviteProblem; detail: string };

const JOIN_PARAM = 'join';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The link for `invite` on the app at `appUrl` (any fragment it had is replaced). */
export function inviteLink(appUrl: string, invite: Invite): string {
  const url = new URL(appUrl);
  url.hash = `${JOIN_PARAM}=${invite.workspaceId}.${invite.secret}`;
  return url.toString();
}

/** Reads an invite from a whole link or from its fragment alone (`#join=…`). */
export function parseInvite(linkOrFragment: string): ParsedInvite {
  const hashAt = linkOrFragment.indexOf('#');
  const fragment = hashAt >= 0 ? linkOrFragment.slice(hashAt + 1) : linkOrFragment;
  const value = new URLSearchParams(fragment).get(JOIN_PARAM);
  if (value === null) return { ok: false, problem: 'no_invite', detail: `the link has no "#${JOIN_PARAM}=" part` };
  const parts = value.split('.');
  const [workspaceId, secret] = parts;
  if (parts.length !== 2 || workspaceId === undefined || secret === undefined) {
    return { ok: false, problem: 'malformed', detail: 'expected "<workspace id>.<secret>"' };
  }
  if (!UUID.test(workspaceId)) return { ok: false, problem: 'bad_workspace_id', detail: `"${workspaceId.slice(0, 40)}" is not a workspace id` };
  try {
    secretBytes(secret);
  } catch (error) {
    if (error instanceof InvalidSecretError) return { ok: false, problem: 'bad_secret', detail: error.message };
    throw error;
  }
  return { ok: true, invite: { workspaceId, secret } };
}

/** The link with its invite removed, for `history.replaceState` once the invite has been read. */
export function withoutInvite(link: string): string {
  const url = new URL(link);
  const params = new URLSearchParams(url.hash.slice(1));
  params.delete(JOIN_PARAM);
  url.hash = params.toString();
  return url.toString().replace(/#$/, '');
}

/** A new secret for the same workspace: members who get the new invite keep syncing, a removed one is left out. */
export function rotateSecret(invite: Invite): Invite {
  return { workspaceId: invite.workspaceId, secret: newWorkspaceSecret() };
}
