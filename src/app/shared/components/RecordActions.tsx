import { Pencil, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** A record page's Edit and Delete, in its header. */
export function RecordActions({ editHref, onDelete }: { editHref: string; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="header-actions">
      <Link href={editHref} className="button button-secondary">
        <Pencil aria-hidden="true" size={18} />
        <span>{t('common.edit')}</span>
      </Link>
      <button type="button" className="button button-secondary" onClick={onDelete}>
        <Trash2 aria-hidden="true" size={18} />
        <span>{t('common.delete')}</span>
      </button>
    </div>
  );
}
