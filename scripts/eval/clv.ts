// `eval clv`: the lifetimes summary of a transaction file, BG/NBD and (with amounts) Gamma-Gamma fitted on it, and
// with --holdout-end the repeat purchases predicted for the holdout period against those made.
import { parseArgs } from 'node:util';
import { bgnbdConditionalExpectedPurchases, fitBgNbd } from '../../src/analytics/bgnbd';
import { fitGammaGamma, spendFrequencyCorrelation } from '../../src/analytics/gammaGamma';
import { calibrationAndHoldout, customerSummary, type CustomerSummary, type TimeUnit } from '../../src/analytics/summary';
import { parseOptionDate } from './dates';
import { readTransactions } from './transactions';

const USAGE =
  'clv --transactions <file> --id <col> --date <col> [--amount <col>] [--delimiter <char|ws>] [--date-format <fmt>] ' +
  '[--unit day|week] [--observation-end <date>] [--holdout-end <date>] [--json]';

export async function runClv(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      transactions: { type: 'string' },
      id: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      delimiter: { type: 'string' },
      'date-format': { type: 'string' },
      unit: { type: 'string', default: 'day' },
      'observation-end': { type: 'string' },
      'holdout-end': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const { transactions: file, id, date } = values;
  if (file === undefined || id === undefined || date === undefined) throw new Error(`usage: ${USAGE}`);
  if (values.unit !== 'day' && values.unit !== 'week') throw new Error(`--unit must be day or week, got "${values.unit}"`);
  const unit: TimeUnit = values.unit;
  if (values['holdout-end'] !== undefined && values['observation-end'] === undefined) {
    throw new Error('--holdout-end needs --observation-end (the end of the calibration period)');
  }
  const transactions = readTransactions({
    file,
    id,
    date,
    amount: values.amount,
    delimiter: values.delimiter,
    dateFormat: values['date-format'],
  });
  if (transactions.length === 0) throw new Error(`${file}: no transactions`);
  const observationEnd =
    values['observation-end'] === undefined
      ? Math.max(...transactions.map((transaction) => transaction.at))
      : parseOptionDate('observation-end', values['observation-end']);
  const holdout =
    values['holdout-end'] === undefined
      ? null
      : calibrationAndHoldout(transactions, {
          calibrationEnd: observationEnd,
          holdoutEnd: parseOptionDate('holdout-end', values['holdout-end']),
          unit,
        });
  const summary: CustomerSummary = holdout ?? customerSummary(transactions, { observationEnd, unit });
  if (summary.keys.length === 0) throw new Error(`${file}: no customer has a transaction by the observation end`);
  const customers = summary.keys.length;
  const repeatCustomers = summary.frequency.filter((x) => x > 0).length;
  console.info(`customers: ${customers}`);
  console.info(`repeat customers: ${repeatCustomers}`);
  const started = performance.now();
  const bgnbd = fitBgNbd(summary);
  const { r, alpha, a, b } = bgnbd.params;
  console.info(
    `BG/NBD (${unit}s): r ${fmt(r)}, alpha ${fmt(alpha)}, a ${fmt(a)}, b ${fmt(b)}; ` +
      `log-likelihood ${bgnbd.logLikelihood.toFixed(4)} (${Math.round(performance.now() - started)} ms)`,
  );
  let gammagamma = null;
  if (values.amount !== undefined) {
    if (repeatCustomers === 0) throw new Error(`${file}: Gamma-Gamma needs repeat customers and there are none`);
    const fit = fitGammaGamma(summary);
    gammagamma = fit.params;
    console.info(`Gamma-Gamma on ${fit.customers} repeat customers: p ${fmt(fit.params.p)}, q ${fmt(fit.params.q)}, v ${fmt(fit.params.v)}`);
    console.info(`correlation of mean spend and frequency among repeat customers: ${spendFrequencyCorrelation(summary).toFixed(4)}`);
  }
  let holdoutResult = null;
  if (holdout) {
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < customers; i++) {
      predicted += bgnbdConditionalExpectedPurchases(
        bgnbd.params,
        holdout.holdoutDuration,
        holdout.frequency[i] as number,
        holdout.recency[i] as number,
        holdout.T[i] as number,
      );
      actual += holdout.holdoutPurchases[i] as number;
    }
    holdoutResult = { duration: holdout.holdoutDuration, predicted, actual };
    console.info(`holdout (${holdout.holdoutDuration} ${unit}s): predicted ${predicted.toFixed(1)} repeat purchases, actual ${actual}`);
  }
  if (values.json) {
    console.info(
      JSON.stringify({
        task: 'clv',
        customers,
        repeat_customers: repeatCustomers,
        bgnbd: { r, alpha, a, b, ll: bgnbd.logLikelihood },
        gammagamma,
        ...(holdoutResult ? { holdout: holdoutResult } : {}),
      }),
    );
  }
}

function fmt(value: number): string {
  return value.toFixed(6);
}
