// Churn labels from a CRM's own history, for training the churn model on the device: a customer who was active
// by a cutoff and then silent for a whole horizon has churned, and so has one the team marked "churned".
import type { LifecycleStage } from '../../domain/customer';

export interface CustomerActivity {
  customerId: string;
  lifecycle: LifecycleStage;
  /** Times (epoch ms) of the customer's purchases and interactions, in any order. */
  activity: readonly number[];
}

export type ChurnLabelReason = 'lifecycle' | 'silent' | 'active';

export interface ChurnLabel {
  customerId: string;
  churned: boolean;
  reason: ChurnLabelReason;
}

/**
 * Labels the customers with any activity at or before the cutoff: churned when marked so, or when nothing happened
 * in (cutoff, cutoff + horizon]. Customers not yet active by the cutoff are left out: at the cutoff there was nothing
 * to predict from.
 */
export function churnLabels(customers: readonly CustomerActivity[], cutoff: number, horizon: number): ChurnLabel[] {
  checkTimes(cutoff, horizon);
  const end = cutoff + horizon;
  const labels: ChurnLabel[] = [];
  for (const customer of customers) {
    if (!customer.activity.some((time) => time <= cutoff)) continue;
    if (customer.lifecycle === 'churned') {
      labels.push({ customerId: customer.customerId, churned: true, reason: 'lifecycle' });
      continue;
    }
    const active = customer.activity.some((time) => time > cutoff && time <= end);
    labels.push({ customerId: customer.customerId, churned: !active, reason: active ? 'active' : 'silent' });
  }
  return labels;
}

export interface ChurnTimeSplit {
  /** Train on features as of `cutoff` (= now - horizon) with the labels the following horizon gave. */
  train: { cutoff: number; labels: ChurnLabel[] };
  /** Score the customers active by now and not already churned, with features as of now. */
  score: { at: number; customerIds: string[] };
}

/**
 * The time split of churn: the latest horizon whose outcome is known trains the model, which then scores the
 * horizon to come. Features for training must be computed from history up to `train.cutoff` only.
 */
export function churnTimeSplit(customers: readonly CustomerActivity[], now: number, horizon: number): ChurnTimeSplit {
  checkTimes(now, horizon);
  const cutoff = now - horizon;
  return {
    train: { cutoff, labels: churnLabels(customers, cutoff, horizon) },
    score: {
      at: now,
      customerIds: customers
        .filter((customer) => customer.lifecycle !== 'churned' && customer.activity.some((time) => time <= now))
        .map((customer) => customer.customerId),
    },
  };
}

function checkTimes(time: number, horizon: number): void {
  if (!Number.isFinite(time)) throw new Error(`churn labels: the cutoff ${time} is not a time`);
  if (!(Number.isFinite(horizon) && horizon > 0)) throw new Error(`churn labels: the horizon must be a positive duration, not ${horizon}`);
}
