import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { formatNumber } from '../../shared/format';
import { rfmSegmentLabel } from '../utils/labels';

/** The R x FM grid is itself a table; colour depth shows the count, and the number is written in each cell. */
export function RfmGrid({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  const grid = run.rfmGrid;
  if (!grid) return null;
  const largest = Math.max(1, ...grid.flat());
  const scores = [1, 2, 3, 4, 5];
  return (
    <section className="card insight-card" data-testid="insights-rfm">
      <h2>{t('insights.rfm.title')}</h2>
      <p className="muted">{t('insights.rfm.hint')}</p>
      <div className="table-scroller" tabIndex={0}>
        <table className="heat-table">
          <thead>
            <tr>
              <th scope="col">
                {t('insights.rfm.recency')} ↓ / {t('insights.rfm.frequencyMoney')} →
              </th>
              {scores.map((fm) => (
                <th scope="col" key={fm}>
                  {fm}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...scores].reverse().map((r) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {scores.map((fm) => {
                  const count = grid[r - 1]?.[fm - 1] ?? 0;
                  return (
                    <td
                      key={fm}
                      style={{ '--heat': count / largest } as CSSProperties}
                      title={t('insights.rfm.cell', { r, fm, count })}
                    >
                      {formatNumber(count, i18n.language)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('insights.rfm.segments')}</h3>
      <ul className="chip-list">
        {Object.entries(run.rfmSegments ?? {})
          .sort((a, b) => b[1] - a[1])
          .map(([segment, count]) => (
            <li key={segment} className="badge">
              {rfmSegmentLabel(t, segment)}: {formatNumber(count, i18n.language)}
            </li>
          ))}
      </ul>
    </section>
  );
}
