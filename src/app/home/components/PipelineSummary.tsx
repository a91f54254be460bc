import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isClosedStage, weightedForecast } from '../../../domain/pipeline';
import { now } from '../../../platform/clock';
import { useDeals } from '../../pipeline/hooks/useDeals';
import { usePipelineSettings } from '../../pipeline/hooks/usePipelineSettings';
import { formatMoney, formatNumber } from '../../shared/format';

/** `YYYY-MM` of the reader's current month, the key weightedForecast gives its months. */
function currentMonth(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** Home's glance at the pipeline: how many deals are open and what this month's are worth, weighted. */
export function PipelineSummary() {
  const { t, i18n } = useTranslation();
  const settings = usePipelineSettings();
  const data = useDeals();
  if (!settings || !data) return null;
  const open = data.deals.filter((deal) => !isClosedStage(deal.stage)).length;
  const month = currentMonth(now());
  const thisMonth = weightedForecast(data.deals, settings.stages, settings.currency).months.find((entry) => entry.month === month);
  return (
    <div className="stats" data-testid="pipeline-summary">
      <Link href="/pipeline" className="card stat">
        <span className="stat-value" data-testid="open-deals">
          {formatNumber(open, i18n.language)}
        </span>
        <span className="muted">{t('service.home.openDeals')}</span>
      </Link>
      <Link href="/pipeline" className="card stat">
        <span className="stat-value" data-testid="weighted-this-month">
          {formatMoney(thisMonth?.weightedMinor ?? 0, settings.currency, i18n.language)}
        </span>
        <span className="muted">{t('service.home.weightedThisMonth')}</span>
      </Link>
    </div>
  );
}
