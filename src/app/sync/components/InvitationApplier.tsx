import { useEffect } from 'react';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { updateSecret } from '../../workspace/state/identity';
import type { Invitation } from '../utils/invitation';

/**
 * Puts an invitation to this device's own workspace into effect: its secret (a re-invite after a rotation) and the
 * inviting device's signaling server and relay, so a device that just joined syncs without anything typed.
 */
export function InvitationApplier({ invitation, onApplied }: { invitation: Invitation; onApplied: () => void }) {
  const client = useWorkspace();
  useEffect(() => {
    const { invite, signalingUrl, relayUrl } = invitation;
    void client
      .call('configureSync', { secret: invite.secret, ...(signalingUrl ? { signalingUrl } : {}), ...(relayUrl ? { relayUrl } : {}) })
      .then(() => updateSecret(invite.secret))
      .catch((error: unknown) => console.error('[sync] the invitation could not be applied', error))
      .finally(onApplied);
  }, [client, invitation, onApplied]);
  return null;
}
