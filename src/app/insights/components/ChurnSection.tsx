import { useTranslation } from 'react-i18next';
import type { AnalyticsRun, HistogramBin } from '../../../workers/analyticsContract';
import { formatPercent } from '../utils/labels';
import { AtRiskList } from './AtRiskList';
import { ChartFigure } from './ChartFigure';
import { HistogramChart, HistogramTable } from './HistogramChart';

export function ChurnSection({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  if (!run.churn) {
    return (
      <section className="card insight-card" data-testid="insights-churn">
        <h2>{t('insights.churn.title')}</h2>
        <p className="muted">{t('insights.churn.notEnoughHistory')}</p>
      </section>
    );
  }
  const bins = run.churnHistogram ?? [];
  const label = (bin: HistogramBin) => `${formatPercent(bin.from, i18n.language)}–${formatPercent(bin.to, i18n.language)}`;
  const common = { bins, label, countLabel: t('insights.churn.customers'), language: i18n.language };
  const currency = run.data?.currency ?? undefined;
  return (
    <>
      <ChartFigure
        testId="insights-churn"
        title={t('insights.churn.title')}
        hint={t('insights.churn.hint', { days: run.churn.horizonDays })}
        chart={<HistogramChart {...common} />}
        table={<HistogramTable {...common} rangeLabel={t('insights.churn.risk')} />}
      />
      <AtRiskList scores={run.atRisk ?? []} currency={currency} />
    </>
  );
}
