import { useTranslation } from 'react-i18next';
import '../drafts/drafts.css';

/** "Draft restored · Discard" above a form that opened with a draft kept on this device. */
export function DraftNotice({ restored, onDiscard }: { restored: boolean; onDiscard: () => void }) {
  const { t } = useTranslation();
  if (!restored) return null;
  return (
    <p className="draft-notice field-wide" role="status" data-testid="draft-notice">
      <span title={t('drafts.restoredHint')}>{t('drafts.restored')}</span>
      <span aria-hidden="true"> · </span>
      <button type="button" className="link-button" onClick={onDiscard} aria-label={t('drafts.discardLabel')} data-testid="draft-discard">
        {t('drafts.discard')}
      </button>
    </p>
  );
}
