import type { DeviceId, MemberId } from '../../../domain/ids';
import { isUuid } from '../../../domain/ids';
import { ROLES, type Role } from '../../../domain/member';
import type { Region } from '../../../domain/normalise';
import type { WorkspaceIdentity } from '../../../data/tabs';
import { newId } from '../../../platform/ids';

// Who this device is and which workspace it opens: kept in localStorage, because the app needs it synchronously
// before the first paint to open the right database. It is not a record: nothing here is synced.

const KEY = 'rapport.identity';

export function readIdentity(): WorkspaceIdentity | null {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<WorkspaceIdentity> | null;
    if (!value || !isUuid(value.workspaceId) || !isUuid(value.memberId) || !isUuid(value.deviceId)) return null;
    if (typeof value.displayName !== 'string' || !value.displayName.trim()) return null;
    const role: Role = (ROLES as readonly string[]).includes(value.role ?? '') ? (value.role as Role) : 'member';
    return { ...(value as WorkspaceIdentity), role, defaults: value.defaults ?? {} };
  } catch {
    return null;
  }
}

export interface NewWorkspace {
  displayName: string;
  defaultRegion: Region;
  currency: string;
}

/** The first run on this device: the user names themself and a new workspace is made, theirs to own. */
export function createIdentity({ displayName, defaultRegion, currency }: NewWorkspace): WorkspaceIdentity {
  const identity: WorkspaceIdentity = {
    workspaceId: newId(),
    memberId: newId<MemberId>(),
    deviceId: newId<DeviceId>(),
    displayName: displayName.trim(),
    role: 'owner',
    defaults: { defaultRegion, currency },
  };
  localStorage.setItem(KEY, JSON.stringify(identity));
  return identity;
}
