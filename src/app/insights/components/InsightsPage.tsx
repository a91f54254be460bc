import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { useAnalyticsRuns } from '../hooks/useAnalyticsRuns';
import '../insights.css';
import { ChurnSection } from './ChurnSection';
import { ClvChart } from './ClvChart';
import { CohortHeatmap } from './CohortHeatmap';
import { ModelCard } from './ModelCard';
import { RfmGrid } from './RfmGrid';
import { RunPanel } from './RunPanel';
import { SatisfactionTrend } from './SatisfactionTrend';
import { SegmentsChart } from './SegmentsChart';

export function InsightsPage() {
  const { t } = useTranslation();
  const runs = useAnalyticsRuns();
  if (runs === undefined) return null;
  const run = runs.done;
  return (
    <section className="page page-wide insights-page">
      <header className="page-header">
        <div>
          <h1>{t('insights.title')}</h1>
          <p className="muted">{t('insights.lead')}</p>
        </div>
      </header>
      <RunPanel latest={runs.latest} done={run} />
      {run && <InsightsGrid run={run} key={run.id} />}
    </section>
  );
}

/**
 * A finished run never changes, but every write to analyticsRuns (a new run starting) reads it afresh: comparing
 * ids keeps the charts from redrawing the same figures while the next run is under way.
 */
const InsightsGrid = memo(
  function InsightsGrid({ run }: { run: AnalyticsRun }) {
    return (
      <div className="insights-grid">
        <SegmentsChart run={run} />
        <RfmGrid run={run} />
        <ChurnSection run={run} />
        <ClvChart run={run} />
        <SatisfactionTrend run={run} />
        <CohortHeatmap run={run} />
        <ModelCard run={run} />
      </div>
    );
  },
  (before, after) => before.run.id === after.run.id,
);
