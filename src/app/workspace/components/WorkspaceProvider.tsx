import { useCallback, useState, type ReactNode } from 'react';
import { TabClient, type WorkspaceIdentity } from '../../../data/tabs';
import { startEngineWorker } from '../../../workers/engineClient';
import { InvitationApplier } from '../../sync/components/InvitationApplier';
import { InvitationPage } from '../../sync/components/InvitationPage';
import { takePageInvitation } from '../../sync/state/pageInvitation';
import { WorkspaceContext } from '../hooks/useWorkspace';
import { readIdentity } from '../state/identity';
import { SetupPage } from './SetupPage';

/** A tab opens its workspace once and keeps it for the page's lifetime; closing the tab releases the leadership. */
const clients = new Map<string, TabClient>();

function clientFor(identity: WorkspaceIdentity): TabClient {
  let client = clients.get(identity.workspaceId);
  if (!client) clients.set(identity.workspaceId, (client = new TabClient(identity, startEngineWorker)));
  return client;
}

/** Opens this device's workspace, or asks the user to start one on the first run, or to join one by invite. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<WorkspaceIdentity | null>(readIdentity);
  const [invitation, setInvitation] = useState(takePageInvitation);
  const handleApplied = useCallback(() => setInvitation(null), []);
  const invitedHere = invitation?.ok === true && invitation.invitation.invite.workspaceId === identity?.workspaceId;
  if (invitation && !invitedHere) {
    return <InvitationPage read={invitation} identity={identity} onJoined={setIdentity} onDismissed={handleApplied} />;
  }
  if (!identity) return <SetupPage onCreated={setIdentity} />;
  return (
    <WorkspaceContext.Provider value={clientFor(identity)}>
      {invitation?.ok && <InvitationApplier invitation={invitation.invitation} onApplied={handleApplied} />}
      {children}
    </WorkspaceContext.Provider>
  );
}
