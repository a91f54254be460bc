import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ScoreRow } from '../../../data/db';
import { useListedCustomers } from '../hooks/useListedCustomers';
import { formatPercent, reasonText } from '../utils/labels';

const AT_RISK_SHOWN = 15;

/** The customers most likely to leave, with the reasons, linking to each. */
export function AtRiskList({ scores, currency }: { scores: readonly ScoreRow[]; currency: string | undefined }) {
  const { t, i18n } = useTranslation();
  const atRisk = useListedCustomers(scores.slice(0, AT_RISK_SHOWN));
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
