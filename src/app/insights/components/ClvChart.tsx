import { useTranslation } from 'react-i18next';
import type { AnalyticsRun, HistogramBin } from '../../../workers/analyticsContract';
import { formatMoney } from '../../shared/format';
import { ChartFigure } from './ChartFigure';
import { HistogramChart, HistogramTable } from './HistogramChart';

export function ClvChart({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  if (!run.clv || !run.clvHistogram) return null;
  const { currency, months } = run.clv;
  const money = (minor: number) => formatMoney(Math.round(minor), currency, i18n.language);
  const label = (bin: HistogramBin, last: boolean) => (last ? t('insights.clv.andAbove', { from: money(bin.from) }) : `${money(bin.from)}–${money(bin.to)}`);
  const common = { bins: run.clvHistogram, label, countLabel: t('insights.clv.customers'), language: i18n.language };
  return (
    <ChartFigure
      testId="insights-clv"
      title={t('insights.clv.title')}
      hint={t('insights.clv.hint', { months, currency })}
      chart={<HistogramChart {...common} />}
      table={<HistogramTable {...common} rangeLabel={t('insights.clv.range')} />}
    />
  );
}
