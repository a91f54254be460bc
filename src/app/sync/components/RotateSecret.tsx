import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newWorkspaceSecret } from '../../../sync/peer/crypto';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { updateSecret } from '../../workspace/state/identity';

/** A new secret, to remove a member: this device moves to it at once, the others when they open the new link. */
export function RotateSecret({ onRotated }: { onRotated: () => void }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);

  const handleRotate = async () => {
    const secret = newWorkspaceSecret();
    // The leader moves first: should it fail, this device keeps the secret it syncs with.
    await client.call('configureSync', { secret });
    updateSecret(secret);
    setConfirming(false);
    setDone(true);
    onRotated();
  };

  return (
    <section aria-labelledby="sync-rotate-title">
      <h3 id="sync-rotate-title">{t('sync.rotate.title')}</h3>
      <p className="muted">{t('sync.rotate.hint')}</p>
      {confirming ? (
        <div className="banner" role="alertdialog" aria-labelledby="sync-rotate-confirm">
          <span id="sync-rotate-confirm">{t('sync.rotate.confirm')}</span>
          <div className="row">
            <button type="button" className="button" onClick={() => void handleRotate()}>
              {t('sync.rotate.button')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setDone(false);
            setConfirming(true);
          }}
        >
          {t('sync.rotate.button')}
        </button>
      )}
      {done && <p role="status">{t('sync.rotate.done')}</p>}
    </section>
  );
}
