import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncInvite } from '../../../data/sync/syncService';
import { invitationLink } from '../utils/invitation';

/** The invite link of this workspace, to copy or to scan from another device's camera. */
export function InviteCard({ invite }: { invite: SyncInvite }) {
  const { t } = useTranslation();
  const link = invitationLink(`${window.location.origin}/`, invite, invite);
  const [qr, setQr] = useState<{ link: string; image: string } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(link, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then((image) => live && setQr({ link, image }));
    return () => {
      live = false;
    };
  }, [link]);

  const handleCopy = async () => {
    await navigator.clipboard.writeText(link);
    setCopied(true);
  };

  return (
    <section className="sync-invite" aria-labelledby="sync-invite-title">
      <h3 id="sync-invite-title">{t('sync.invite.title')}</h3>
      <p className="muted">{t('sync.invite.hint')}</p>
      {!invite.signalingUrl && !invite.relayUrl && <p className="muted">{t('sync.invite.noServer')}</p>}
      <div className="sync-invite-body">
        {qr?.link === link && <img className="sync-qr" src={qr.image} alt={t('sync.invite.qr')} width={240} height={240} />}
        <div className="sync-invite-link">
          <label className="field">
            <span>{t('sync.invite.link')}</span>
            <input readOnly value={link} data-testid="invite-link" onFocus={(event) => event.target.select()} />
          </label>
          <div className="row">
            <button type="button" className="button" onClick={() => void handleCopy()}>
              {t('sync.invite.copy')}
            </button>
            {copied && <span role="status">{t('sync.invite.copied')}</span>}
          </div>
        </div>
      </div>
    </section>
  );
}
