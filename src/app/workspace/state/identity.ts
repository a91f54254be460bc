import type { DeviceId, MemberId } from '../../../domain/ids';
import { isUuid } from '../../../domain/ids';
import { ROLES, type Role } from '../../../domain/member';
import type { Region } from '../../../domain/normalise';
import type { WorkspaceIdentity } from '../../../data/tabs';
import { newId } from '../../../platform/ids';
import { InvalidSecretError, newWorkspaceSecret, secretBytes } from '../../../sync/peer/crypto';
import type { Invite } from '../../../sync/peer/invite';

// Who this device is and which workspace it opens: kept in localStorage, because the app needs it synchronously
// before the first paint to open the right database. It is not a record: nothing here is synced.

const KEY = 'rapport.identity';

export function readIdentity(): WorkspaceIdentity | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<WorkspaceIdentity> | null;
    if (!value || !isUuid(value.workspaceId) || !isUuid(value.memberId) || !isUuid(value.deviceId)) return null;
    if (typeof value.displayName !== 'string' || !value.displayName.trim()) return null;
    const role: Role = (ROLES as readonly string[]).includes(value.role ?? '') ? (value.role as Role) : 'member';
    const identity = { ...(value as WorkspaceIdentity), role, defaults: value.defaults ?? {} };
    // Identities made before sync existed have no secret: the workspace gets one now, as a new one would.
    if (!isSecret(identity.secret)) return saveIdentity({ ...identity, secret: newWorkspaceSecret() });
    return identity;
  } catch {
    return null;
  }
}

function isSecret(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    secretBytes(value);
    return true;
  } catch (error) {
    if (error instanceof InvalidSecretError) return false;
    throw error;
  }
}

function saveIdentity(identity: WorkspaceIdentity): WorkspaceIdentity {
  localStorage.setItem(KEY, JSON.stringify(identity));
  return identity;
}

/** After a rotation on this device, or an invite carrying the workspace's new secret. */
export function updateSecret(secret: string): WorkspaceIdentity | null {
  const identity = readIdentity();
  return identity && saveIdentity({ ...identity, secret });
}

export interface NewWorkspace {
  displayName: string;
  defaultRegion: Region;
  currency: string;
}

/**
 * The first run on this device: the user names themself and a new workspace is made, theirs to own; or, with an
 * invite, this device joins the invited workspace as a member (its data arrives by sync).
 */
export function createIdentity({ displayName, defaultRegion, currency }: NewWorkspace, join?: Invite): WorkspaceIdentity {
  return saveIdentity({
    workspaceId: join?.workspaceId ?? newId(),
    memberId: newId<MemberId>(),
    deviceId: newId<DeviceId>(),
    displayName: displayName.trim(),
    role: join ? 'member' : 'owner',
    secret: join?.secret ?? newWorkspaceSecret(),
    // A joining device must not seed the workspace's settings: they arrive from the team.
    defaults: join ? {} : { defaultRegion, currency },
  });
}
