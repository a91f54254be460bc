import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageTotal } from '../../../domain/pipeline';
import { formatMoney } from '../../shared/format';

interface StageColumnProps {
  stageId: string;
  label: string;
  total: StageTotal;
  currency: string;
  /** A dragged card is over this column. */
  targeted: boolean;
  children: ReactNode;
}

/** One stage of the board: its name, how many deals and how much, and its cards; a drop zone while dragging. */
export function StageColumn({ stageId, label, total, currency, targeted, children }: StageColumnProps) {
  const { t, i18n } = useTranslation();
  const headingId = `stage-${stageId}-title`;
  return (
    <section className={`stage-column${targeted ? ' stage-column-targeted' : ''}`} aria-labelledby={headingId} data-drop-stage={stageId} data-testid={`stage-${stageId}`}>
      <header className="stage-column-header">
        <h2 id={headingId}>{label}</h2>
        <p className="muted" data-testid="stage-summary">
          {t('pipeline.dealCount', { count: total.deals })} · {formatMoney(total.amountMinor, currency, i18n.language)}
        </p>
      </header>
      <div className="stage-column-cards">{children}</div>
    </section>
  );
}
