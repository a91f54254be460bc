import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerId } from '../../../domain/ids';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { formatPercent, reasonText } from '../utils/labels';

const AT_RISK_SHOWN = 15;

/**
 * The customers most likely to leave, with the reasons, linking to each. Its own live query: scores being written
 * re-render this list only, not the charts around it.
 */
export function AtRiskList({ runId, currency }: { runId: string; currency: string | undefined }) {
  const { t, i18n } = useTranslation();
  const { db } = useWorkspace();
  const atRisk = useLiveQuery(async () => {
    // Customers the team marked churned have no reasons: they are gone already, not at risk.
    const scores = await db.scores
      .orderBy('churnProbability')
      .reverse()
      .filter((score) => score.churnReasons !== undefined)
      .limit(AT_RISK_SHOWN)
      .toArray();
    const customers = await db.customers.bulkGet(scores.map((score) => score.customerId as CustomerId));
    return scores.map((score, i) => ({ score, name: customers[i]?.name ?? '' }));
  }, [db, runId]);
  return (
    <section className="card insight-card" data-testid="insights-at-risk">
      <h2>{t('insights.churn.atRisk')}</h2>
      <div className="table-scroller" tabIndex={0}>
        <table className="data-table at-risk-table">
          <thead>
            <tr>
              <th scope="col">{t('insights.churn.customer')}</th>
              <th scope="col">{t('insights.churn.risk')}</th>
              <th scope="col">{t('insights.churn.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {atRisk?.map(({ score, name }) => (
              <tr key={score.customerId}>
                <th scope="row">
                  <Link href={`/customers/${score.customerId}`}>{name}</Link>
                </th>
                <td>{formatPercent(score.churnProbability ?? 0, i18n.language)}</td>
                <td>
                  <ul className="reason-list">
                    {score.churnReasons?.map((reason) => (
                      <li key={reason.code} className={`reason reason-${reason.direction}`}>
                        {reasonText(t, reason, i18n.language, currency)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
