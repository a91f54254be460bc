import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { formatNumber } from '../../shared/format';
import { ChartFigure } from './ChartFigure';

interface MonthRow {
  month: string;
  nps?: number;
  npsResponses?: number;
  csat?: number;
  csatResponses?: number;
}

export function SatisfactionTrend({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  const months = new Map<string, MonthRow>();
  const rowOf = (month: string) => {
    let row = months.get(month);
    if (!row) months.set(month, (row = { month }));
    return row;
  };
  for (const entry of run.nps ?? []) Object.assign(rowOf(entry.month), { nps: Math.round(entry.value), npsResponses: entry.responses });
  for (const entry of run.csat ?? []) Object.assign(rowOf(entry.month), { csat: Math.round(entry.value), csatResponses: entry.responses });
  const rows = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  const title = t('insights.satisfaction.title');
  if (rows.length === 0) {
    return (
      <section className="card insight-card" data-testid="insights-satisfaction">
        <h2>{title}</h2>
        <p className="muted">{t('insights.satisfaction.none')}</p>
      </section>
    );
  }
  const cell = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, i18n.language));
  return (
    <ChartFigure
      testId="insights-satisfaction"
      title={title}
      chart={
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} />
            <YAxis domain={[-100, 100]} />
            <Tooltip />
            <Legend />
            <Line dataKey="nps" name={t('insights.satisfaction.nps')} stroke="var(--accent)" connectNulls isAnimationActive={false} />
            <Line dataKey="csat" name={t('insights.satisfaction.csat')} stroke="var(--highlight)" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('insights.satisfaction.month')}</th>
              <th scope="col">{t('insights.satisfaction.nps')}</th>
              <th scope="col">{t('insights.satisfaction.responses')}</th>
              <th scope="col">{t('insights.satisfaction.csat')}</th>
              <th scope="col">{t('insights.satisfaction.responses')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row">{row.month}</th>
                <td>{cell(row.nps)}</td>
                <td>{cell(row.npsResponses)}</td>
                <td>{cell(row.csat)}</td>
                <td>{cell(row.csatResponses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
