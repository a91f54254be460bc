import { ArchiveRestore } from 'lucide-react';
import { useTranslation } from 'react-i18next';

/** Says a record is deleted (its history kept) and offers to restore it. */
export function DeletedBanner({ message, onRestore }: { message: string; onRestore: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="banner" role="status">
      <span>{message}</span>
      <button type="button" className="button" onClick={onRestore}>
        <ArchiveRestore aria-hidden="true" size={18} />
        <span>{t('common.restore')}</span>
      </button>
    </div>
  );
}
