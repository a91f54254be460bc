import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaggeredMount } from '../hooks/useStaggeredMount';

/**
 * A chart with its text alternative: the drawing is hidden from assistive technology (and inert, so the chart's own
 * keyboard layer takes no focus behind aria-hidden), and the same figures are one click away as a table for everyone.
 */
export function ChartFigure({ title, hint, chart, table, testId }: { title: string; hint?: string; chart: ReactNode; table: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const ready = useStaggeredMount();
  return (
    <figure className="card insight-card" data-testid={testId}>
      <figcaption>
        <h2>{title}</h2>
        {hint && <p className="muted">{hint}</p>}
      </figcaption>
      <div className="insight-chart" aria-hidden="true" inert>
        {ready && chart}
      </div>
      <details className="insight-table">
        <summary>{t('insights.showTable')}</summary>
        <div className="table-scroller" tabIndex={0}>{table}</div>
      </details>
    </figure>
  );
}
