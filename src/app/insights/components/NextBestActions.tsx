import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CHANNELS, type Channel } from '../../../domain/fields';
import { useAnalyticsRuns } from '../hooks/useAnalyticsRuns';
import { useListedCustomers } from '../hooks/useListedCustomers';
import '../insights.css';
import { actionReasonLabel, isOneOf } from '../utils/labels';

const SHOWN = 5;

/** Home's short list: whom to contact first today, how, and why (from the last analytics run). */
export function NextBestActions() {
  const { t } = useTranslation();
  const runs = useAnalyticsRuns();
  const rows = useListedCustomers(runs?.done?.topActions?.slice(0, SHOWN) ?? []);
  if (runs === undefined || rows === undefined) return null;
  return (
    <section className="card next-actions" data-testid="next-best-actions">
      <h2>{t('insights.actions.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{runs.latest ? t('insights.actions.none') : t('insights.actions.notRun')}</p>
      ) : (
        <ol className="action-list">
          {rows.map(({ score, name }) => (
            <li key={score.customerId}>
              <Link href={`/customers/${score.customerId}`}>{name}</Link>
              {score.nbaChannel && isOneOf<Channel>(CHANNELS, score.nbaChannel) && (
                <span className="muted"> · {t('insights.actions.via', { channel: t(`channel.${score.nbaChannel}`) })}</span>
              )}
              <ul className="chip-list">
                {score.nbaReasons?.map((reason) => (
                  <li key={reason} className="badge">
                    {actionReasonLabel(t, reason)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <Link href="/insights">{t('insights.actions.all')}</Link>
    </section>
  );
}
