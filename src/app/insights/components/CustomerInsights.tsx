import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { scoreOf } from '../../../data/scorePages';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { formatMoney, formatNumber } from '../../shared/format';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import '../insights.css';
import { formatPercent, reasonText, rfmSegmentLabel, segmentLabel } from '../utils/labels';

/** A customer's scores from the last analytics run on this device, for the profile on the customer page. */
export function CustomerInsights({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useWorkspace();
  const found = useLiveQuery(async () => {
    const score = (await scoreOf(db, customerId)) ?? null;
    const run = score ? ((await db.analyticsRuns.get(score.runId)) as AnalyticsRun | undefined) : undefined;
    return { score, horizonDays: run?.clv?.horizonDays };
  }, [db, customerId]);
  if (found === undefined) return null;
  const { score, horizonDays } = found;
  const language = i18n.language;
  const rows: [string, string][] = [];
  if (score) {
    if (score.segment) rows.push([t('insights.customer.segment'), segmentLabel(t, score.segment)]);
    if (score.rfmSegment && score.rfm) rows.push([t('insights.customer.rfm'), `${rfmSegmentLabel(t, score.rfmSegment)} (${score.rfm.r}-${score.rfm.f}-${score.rfm.m})`]);
    if (score.churnProbability !== undefined) rows.push([t('insights.customer.churnRisk'), formatPercent(score.churnProbability, language)]);
    if (score.expectedPurchases !== undefined && horizonDays !== undefined) {
      rows.push([t('insights.customer.expectedPurchases', { days: horizonDays }), formatNumber(Math.round(score.expectedPurchases * 10) / 10, language)]);
    }
    if (score.pAlive !== undefined) rows.push([t('insights.customer.pAlive'), formatPercent(score.pAlive, language)]);
    if (score.clv !== undefined && score.currency) rows.push([t('insights.customer.clv'), formatMoney(score.clv, score.currency, language)]);
  }
  return (
    <section className="customer-insights" data-testid="customer-insights">
      <h3>{t('insights.customer.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('insights.customer.notYet')}</p>
      ) : (
        <dl>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {score?.churnReasons && score.churnReasons.length > 0 && (
        <>
          <h4>{t('insights.customer.reasons')}</h4>
          <ul className="reason-list">
            {score.churnReasons.map((reason) => (
              <li key={reason.code} className={`reason reason-${reason.direction}`}>
                {reasonText(t, reason, language, score.currency)}
              </li>
            ))}
          </ul>
        </>
      )}
      {score?.nbaRank !== undefined && <p className="muted">{t('insights.customer.nextAction', { rank: score.nbaRank })}</p>}
    </section>
  );
}
