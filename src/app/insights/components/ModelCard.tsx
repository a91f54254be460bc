import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { ANALYTICS_STEPS } from '../../../workers/analyticsContract';
import { formatDate, formatDateTime, formatNumber } from '../../shared/format';
import { formatPercent, isOneOf } from '../utils/labels';

const MODEL_NAMES = ['logistic', 'network', 'boosting', 'ensemble'] as const;
type ModelName = (typeof MODEL_NAMES)[number];
const WARNINGS = [
  'purchases_in_other_currencies',
  'churn_history_too_short',
  'gamma_gamma_no_finite_mean',
  'gamma_gamma_failed',
  'bgnbd_failed',
  'tensors_leaked',
] as const;
type WarningCode = (typeof WARNINGS)[number];

/** What the numbers on this page rest on: data, date, models, their measured quality and what each step cost. */
export function ModelCard({ run }: { run: AnalyticsRun }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const number = (value: number, digits = 3) => formatNumber(Number(value.toPrecision(digits)), language);
  const modelName = (name: string) => (isOneOf<ModelName>(MODEL_NAMES, name) ? t(`insights.models.${name}`) : name);
  const rows: [string, ReactNode][] = [[t('insights.card.computed'), formatDateTime(run.now, language)]];
  if (run.data) {
    rows.push([
      t('insights.card.dataUsed'),
      <>
        {t('insights.card.data', {
          customers: formatNumber(run.data.customers, language),
          interactions: formatNumber(run.data.interactions, language),
          purchases: formatNumber(run.data.purchases, language),
          surveys: formatNumber(run.data.surveys, language),
        })}
        {run.data.currency && (
          <>
            <br />
            {t('insights.card.currency', { currency: run.data.currency })}
          </>
        )}
      </>,
    ]);
  }
  if (run.segmentation) {
    rows.push([t('insights.segments.title'), t('insights.card.segmentation', { k: run.segmentation.k, silhouette: number(run.segmentation.silhouette) })]);
  }
  const churn = run.churn;
  if (churn) {
    rows.push([t('insights.card.chosen'), <span data-testid="model-chosen">{modelName(churn.chosen)}</span>]);
    rows.push([
      t('insights.card.evaluation'),
      churn.testCutoff === null
        ? t('insights.card.validationOnly', { train: formatDate(churn.trainCutoff, language) })
        : t('insights.card.outOfTime', { train: formatDate(churn.trainCutoff, language), test: formatDate(churn.testCutoff, language) }),
    ]);
    rows.push([t('insights.card.trainRows'), formatNumber(churn.trainRows, language)]);
    rows.push([t('insights.card.trainChurnRate'), formatPercent(churn.trainChurnRate, language)]);
    if (churn.testAuc !== null) rows.push([t('insights.card.testAuc'), <span data-testid="test-auc">{number(churn.testAuc)}</span>]);
    if (churn.testBrier !== null) rows.push([t('insights.card.brier'), number(churn.testBrier)]);
    rows.push([
      t('insights.card.validationAuc'),
      <ul className="plain-list">
        {Object.entries(churn.validationAuc).map(([name, value]) => (
          <li key={name}>
            {modelName(name)}: {number(value)}
            {churn.trainingMs[name] !== undefined && ` (${formatNumber(Math.round(churn.trainingMs[name]), language)} ms)`}
          </li>
        ))}
      </ul>,
    ]);
  }
  if (run.clv) {
    const { r, alpha, a, b } = run.clv.bgnbd;
    rows.push([
      t('insights.card.clvModel'),
      <>
        {t('insights.card.bgnbd', { r: number(r), alpha: number(alpha), a: number(a), b: number(b) })}
        {run.clv.gammaGamma && (
          <>
            <br />
            {t('insights.card.gammaGamma', { p: number(run.clv.gammaGamma.p), q: number(run.clv.gammaGamma.q), v: number(run.clv.gammaGamma.v) })}
          </>
        )}
      </>,
    ]);
  }
  if (run.backend) {
    rows.push([
      t('insights.card.backend'),
      <>
        <span data-testid="tf-backend">{t('insights.card.backendChosen', { backend: run.backend.chosen })}</span>
        {' ('}
        {Object.entries(run.backend.timingsMs)
          .map(([name, ms]) => `${name} ${formatNumber(Math.round(ms), language)} ms`)
          .join(', ')}
        {')'}
      </>,
    ]);
  }
  if (run.stepMs) {
    rows.push([
      t('insights.card.steps'),
      ANALYTICS_STEPS.filter((step) => run.stepMs?.[step] !== undefined)
        .map((step) => `${t(`insights.step.${step}`)}: ${formatNumber(Math.round(run.stepMs?.[step] ?? 0), language)} ms`)
        .join('; '),
    ]);
  }
  if (run.tensors) {
    rows.push([t('insights.card.tensors'), <span data-testid="tensors">{`${run.tensors.before} / ${run.tensors.after}`}</span>]);
  }
  if (run.warnings?.length) {
    rows.push([
      t('insights.card.warnings'),
      <ul className="plain-list">
        {run.warnings.map((warning) => {
          const [code = '', ...detail] = warning.split(':');
          return <li key={warning}>{isOneOf<WarningCode>(WARNINGS, code) ? t(`insights.warning.${code}`, { detail: detail.join(':') }) : warning}</li>;
        })}
      </ul>,
    ]);
  }
  return (
    <section className="card insight-card model-card" data-testid="insights-model-card">
      <h2>{t('insights.card.title')}</h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {churn && churn.calibration.length > 0 && (
        <>
          <h3>{t('insights.card.calibration')}</h3>
          <div className="table-scroller" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('insights.card.group')}</th>
                  <th scope="col">{t('insights.churn.customers')}</th>
                  <th scope="col">{t('insights.card.predicted')}</th>
                  <th scope="col">{t('insights.card.observed')}</th>
                </tr>
              </thead>
              <tbody>
                {churn.calibration.map((bin, i) => (
                  <tr key={i}>
                    <th scope="row">{i + 1}</th>
                    <td>{formatNumber(bin.count, language)}</td>
                    <td>{formatPercent(bin.meanPredicted, language)}</td>
                    <td>{formatPercent(bin.observedRate, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
