import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceIdentity } from '../../../data/tabs';
import { RapportMark } from '../../shell/components/RapportMark';
import { SetupPage } from '../../workspace/components/SetupPage';
import type { InvitationRead } from '../utils/invitation';

interface InvitationPageProps {
  read: InvitationRead;
  /** This device's current identity, when it has one (of another workspace than the invited one). */
  identity: WorkspaceIdentity | null;
  onJoined: (identity: WorkspaceIdentity) => void;
  onDismissed: () => void;
}

/**
 * What an invite link opens on a device that is not yet in the invited workspace: the setup screen in join mode,
 * after asking first when the device already uses another workspace. A damaged link is said to be damaged.
 */
export function InvitationPage({ read, identity, onJoined, onDismissed }: InvitationPageProps) {
  const { t } = useTranslation();
  const [switching, setSwitching] = useState(false);
  if (read.ok && (!identity || switching)) return <SetupPage invite={read.invitation.invite} onCreated={onJoined} />;
  const [title, lead, actions] = read.ok
    ? [
        t('sync.switch.title'),
        t('sync.switch.lead', { name: identity?.displayName ?? '' }),
        <>
          <button type="button" className="button" onClick={() => setSwitching(true)}>
            {t('sync.switch.confirm')}
          </button>
          <button type="button" className="button button-secondary" onClick={onDismissed}>
            {t('sync.switch.cancel')}
          </button>
        </>,
      ]
    : [
        t('sync.badInvite.title'),
        t('sync.badInvite.lead'),
        <button type="button" className="button" onClick={onDismissed}>
          {t('sync.badInvite.continue')}
        </button>,
      ];
  return (
    <main className="setup" id="main">
      <section className="card setup-card" aria-labelledby="invitation-title">
        <RapportMark size={56} />
        <h1 id="invitation-title">{title}</h1>
        <p className="muted">{lead}</p>
        <div className="row">{actions}</div>
      </section>
    </main>
  );
}
