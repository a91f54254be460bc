// A seeded synthetic churn table for the model tests: churn falls with usage and is likelier on the basic plan;
// `noise` carries no signal.
import { mulberry32 } from '../../../src/analytics/random';
import { sigmoid } from '../../../src/analytics/churn/logistic';

export const SYNTHETIC_SEED = 20_240_601;

export interface SyntheticTable {
  names: string[];
  columns: string[][];
  ids: string[];
  labels: Uint8Array;
}

export function syntheticChurn(rows: number, seed = SYNTHETIC_SEED): SyntheticTable {
  const random = mulberry32(seed);
  const plans = ['basic', 'pro', 'team'];
  const columns: string[][] = [[], [], [], []];
  const labels = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const usage = random() * 10;
    const plan = plans[Math.floor(random() * 3)] as string;
    const noise = random();
    const senior = random() < 0.2 ? 1 : 0;
    const logit = 1.5 - 0.6 * usage + (plan === 'basic' ? 1.2 : 0) + 0.8 * usage * (plan === 'team' ? 0.2 : 0);
    labels[i] = random() < sigmoid(logit) ? 1 : 0;
    columns[0]?.push(usage.toFixed(2));
    columns[1]?.push(plan);
    columns[2]?.push(noise.toFixed(3));
    columns[3]?.push(String(senior));
  }
  const width = String(rows).length;
  return { names: ['usage', 'plan', 'noise', 'senior'], columns, ids: Array.from({ length: rows }, (_, i) => `c${String(i).padStart(width, '0')}`), labels };
}
