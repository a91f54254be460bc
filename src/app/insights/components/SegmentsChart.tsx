import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { formatMoney, formatNumber } from '../../shared/format';
import { formatPercent, segmentLabel } from '../utils/labels';
import { ChartFigure } from './ChartFigure';

export function SegmentsChart({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  const segmentation = run.segmentation;
  if (!segmentation) return null;
  const currency = run.data?.currency ?? null;
  const rows = [...segmentation.segments]
    .sort((a, b) => b.revenueShare - a.revenueShare)
    .map((segment, position) => ({
      ...segment,
      key: `#${position + 1}`,
      name: segmentLabel(t, segment.code),
      sharePercent: Math.round(segment.revenueShare * 1000) / 10,
    }));
  const customersLabel = t('insights.segments.customers');
  const shareLabel = t('insights.segments.revenueShare');
  return (
    <ChartFigure
      testId="insights-segments"
      title={t('insights.segments.title')}
      hint={t('insights.segments.hint', { k: segmentation.k })}
      chart={
        <>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="key" />
              <YAxis yAxisId="customers" allowDecimals={false} />
              <YAxis yAxisId="share" orientation="right" unit="%" />
              <Tooltip />
              <Legend />
              <Bar yAxisId="customers" dataKey="size" name={customersLabel} fill="var(--accent)" isAnimationActive={false} />
              <Bar yAxisId="share" dataKey="sharePercent" name={shareLabel} fill="var(--highlight)" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
          <ol className="segment-legend">
            {rows.map((row) => (
              <li key={row.index}>
                <strong>{row.key}</strong> {row.name}
              </li>
            ))}
          </ol>
        </>
      }
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('insights.segments.segment')}</th>
              <th scope="col">{customersLabel}</th>
              <th scope="col">{shareLabel}</th>
              <th scope="col">{t('insights.segments.typical')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.index}>
                <th scope="row">
                  {row.key} {row.name}
                </th>
                <td>{formatNumber(row.size, i18n.language)}</td>
                <td>{formatPercent(row.revenueShare, i18n.language)}</td>
                <td>
                  {t('insights.segments.typicalValue', {
                    days: formatNumber(Math.round(row.recencyDays), i18n.language),
                    purchases: formatNumber(Math.round(row.purchases * 10) / 10, i18n.language),
                    revenue: currency ? formatMoney(Math.round(row.revenue), currency, i18n.language) : formatNumber(Math.round(row.revenue), i18n.language),
                  })}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('insights.segments.withoutPurchase')}</th>
              <td>{formatNumber(segmentation.withoutPurchase, i18n.language)}</td>
              <td>{formatPercent(0, i18n.language)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      }
    />
  );
}
