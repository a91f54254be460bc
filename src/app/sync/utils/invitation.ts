import { isSignalingUrl } from '../../../data/sync/signalingUrl';
import { inviteLink, parseInvite, type Invite, type InviteProblem } from '../../../sync/peer/invite';

// The link a member sends to a new device: the invite of src/sync/peer/invite.ts (workspace id and secret in the
// fragment), plus the inviting device's signaling server and relay, so the new device syncs without anything typed.
// The fragment never reaches a server.

const JOIN_PARAM = 'join';
const SIGNAL_PARAM = 'signal';
const RELAY_PARAM = 'relay';

export interface Invitation {
  invite: Invite;
  signalingUrl: string | undefined;
  relayUrl: string | undefined;
}

export type InvitationRead = { ok: true; invitation: Invitation } | { ok: false; problem: Exclude<InviteProblem, 'no_invite'> };

export function invitationLink(appUrl: string, invite: Invite, servers: { signalingUrl: string; relayUrl: string }): string {
  const extra = new URLSearchParams();
  if (servers.signalingUrl) extra.set(SIGNAL_PARAM, servers.signalingUrl);
  if (servers.relayUrl) extra.set(RELAY_PARAM, servers.relayUrl);
  const link = inviteLink(appUrl, invite);
  return extra.size > 0 ? `${link}&${extra.toString()}` : link;
}

/** Null when the link carries no invite; a server address that is not ws:// or wss:// is ignored. */
export function readInvitation(link: string): InvitationRead | null {
  const parsed = parseInvite(link);
  if (!parsed.ok) return parsed.problem === 'no_invite' ? null : { ok: false, problem: parsed.problem };
  const hashAt = link.indexOf('#');
  const params = new URLSearchParams(hashAt >= 0 ? link.slice(hashAt + 1) : '');
  const server = (param: string) => {
    const url = params.get(param) ?? '';
    return isSignalingUrl(url) ? url : undefined;
  };
  return { ok: true, invitation: { invite: parsed.invite, signalingUrl: server(SIGNAL_PARAM), relayUrl: server(RELAY_PARAM) } };
}

/** The link without the invitation, for `history.replaceState` once it has been read (the secret leaves the URL bar). */
export function withoutInvitation(link: string): string {
  const url = new URL(link);
  const params = new URLSearchParams(url.hash.slice(1));
  params.delete(JOIN_PARAM);
  params.delete(SIGNAL_PARAM);
  params.delete(RELAY_PARAM);
  url.hash = params.toString();
  return url.toString().replace(/#$/, '');
}
