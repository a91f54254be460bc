import { useTranslation } from 'react-i18next';
import { weightedForecast, wonBetween, type PipelineStage } from '../../../domain/pipeline';
import type { Deal } from '../../../domain/work';
import { now } from '../../../platform/clock';
import { formatMoney } from '../../shared/format';
import { formatMonth } from '../utils/calendarDay';

interface ForecastPanelProps {
  deals: readonly Deal[];
  stages: readonly PipelineStage[];
  currency: string;
}

/** This month's bounds in the reader's time zone: "won this month" is the month the rep is living in. */
function currentMonth(at: number): { from: number; to: number } {
  const today = new Date(at);
  return { from: new Date(today.getFullYear(), today.getMonth(), 1).getTime(), to: new Date(today.getFullYear(), today.getMonth() + 1, 1).getTime() };
}

/** Won this month and the weighted forecast of the open deals by expected close month (src/domain/pipeline.ts). */
export function ForecastPanel({ deals, stages, currency }: ForecastPanelProps) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const forecast = weightedForecast(deals, stages, currency);
  const { from, to } = currentMonth(now());
  const won = wonBetween(deals, currency, from, to);
  return (
    <section className="card forecast" aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('pipeline.forecast.title')}</h2>
      <p className="muted">{t('pipeline.forecast.hint', { currency })}</p>
      <div className="stats forecast-stats">
        <div className="stat">
          <span className="muted">{t('pipeline.forecast.wonThisMonth')}</span>
          <span className="stat-value" data-testid="won-this-month">
            {money(won.amountMinor)}
          </span>
          <span className="muted">{t('pipeline.dealCount', { count: won.deals })}</span>
        </div>
        <div className="stat">
          <span className="muted">{t('pipeline.forecast.openWeighted')}</span>
          <span className="stat-value" data-testid="forecast-total">
            {money(forecast.weightedMinor)}
          </span>
          <span className="muted">{t('pipeline.dealCount', { count: forecast.months.reduce((sum, month) => sum + month.deals, 0) })}</span>
        </div>
      </div>
      {forecast.months.length ? (
        <div className="table-scroller" tabIndex={0}>
          <table className="data-table forecast-table">
            <thead>
              <tr>
                <th scope="col">{t('pipeline.forecast.month')}</th>
                <th scope="col" className="numeric">{t('pipeline.forecast.deals')}</th>
                <th scope="col" className="numeric">{t('pipeline.forecast.amount')}</th>
                <th scope="col" className="numeric">{t('pipeline.forecast.weighted')}</th>
              </tr>
            </thead>
            <tbody>
              {forecast.months.map((month) => (
                <tr key={month.month ?? 'none'} data-testid={`forecast-${month.month ?? 'none'}`}>
                  <th scope="row">{month.month ? formatMonth(month.month, i18n.language) : t('pipeline.forecast.noDate')}</th>
                  <td className="numeric">{month.deals}</td>
                  <td className="numeric">{money(month.amountMinor)}</td>
                  <td className="numeric" data-testid="forecast-weighted">
                    {money(month.weightedMinor)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('pipeline.forecast.total')}</th>
                <td className="numeric">{forecast.months.reduce((sum, month) => sum + month.deals, 0)}</td>
                <td className="numeric">{money(forecast.amountMinor)}</td>
                <td className="numeric">{money(forecast.weightedMinor)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      ) : (
        <p className="muted">{t('pipeline.forecast.none', { currency })}</p>
      )}
      {forecast.otherCurrency > 0 && <p className="muted">{t('pipeline.forecast.otherCurrency', { count: forecast.otherCurrency })}</p>}
    </section>
  );
}
