import { useTranslation } from 'react-i18next';

/** A form's submit button and its Cancel. */
export function FormActions({ submitLabel, onCancel }: { submitLabel: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button">
        {submitLabel}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
