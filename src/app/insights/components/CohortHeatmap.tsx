import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { formatNumber } from '../../shared/format';
import { formatPercent } from '../utils/labels';

/** Retention cohorts as a heat-map table: the numbers are written in the cells, the colour only repeats them. */
export function CohortHeatmap({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  const cohorts = run.cohorts ?? [];
  if (cohorts.length === 0) return null;
  const width = Math.max(...cohorts.map((cohort) => cohort.share.length));
  // Month 0 is always 100 %: colour by the later months so their differences show.
  const largest = Math.max(0.01, ...cohorts.flatMap((cohort) => cohort.share.slice(1)));
  return (
    <section className="card insight-card" data-testid="insights-cohorts">
      <h2>{t('insights.cohorts.title')}</h2>
      <p className="muted">{t('insights.cohorts.hint')}</p>
      <div className="table-scroller" tabIndex={0}>
        <table className="heat-table">
          <thead>
            <tr>
              <th scope="col">{t('insights.cohorts.cohort')}</th>
              <th scope="col">{t('insights.cohorts.size')}</th>
              {Array.from({ length: width - 1 }, (_, m) => (
                <th scope="col" key={m}>
                  {t('insights.cohorts.month', { n: m + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((cohort) => (
              <tr key={cohort.month}>
                <th scope="row">{cohort.month}</th>
                <td>{formatNumber(cohort.size, i18n.language)}</td>
                {Array.from({ length: width - 1 }, (_, m) => {
                  const share = cohort.share[m + 1];
                  return share === undefined ? (
                    <td key={m} />
                  ) : (
                    <td key={m} style={{ '--heat': share / largest } as CSSProperties}>
                      {formatPercent(share, i18n.language)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
