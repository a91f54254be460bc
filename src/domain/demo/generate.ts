import type { CustomerId, InteractionId, MemberId } from '../ids';
import type { InteractionFields } from '../interaction';
import { ARCHETYPES, COMPANY_SPEND_FACTOR, MOODS, SPEND_USD, type Archetype } from './archetypes';
import { currencyRule } from './catalog';
import { DAY, HISTORY_DAYS, HOUR, playHistory } from './history';
import { demoMembers } from './members';
import { REGIONS } from './places';
import { customerFields, drawIdentity } from './profile';
import { Rng, STREAM_CUSTOMER, STREAM_TEAM, Weighted } from './random';
import type { DemoCustomer, DemoMember, DemoOptions, DemoRecord } from './types';
import { uuidV7 } from './uuidV7';

export const DEFAULT_INTERACTIONS_PER_CUSTOMER = 10;

/**
 * Mean interactions per customer as a function of the activity multiplier s: INTERCEPT + SLOPE × s, measured over
 * 300k customers at s = 0.5 and s = 1 (leads and one-time buyers contribute the fixed part, so means below ~4 cannot
 * be reached). Re-measure after changing archetypes or texts that add interactions; test/unit/demo.test.ts checks it.
 */
const MEAN_INTERCEPT = 3.4;
const MEAN_SLOPE = 10.66;

function intensityFor(mean: number): number {
  return Math.max(0.02, (mean - MEAN_INTERCEPT) / MEAN_SLOPE);
}

/** When a customer of each archetype entered the CRM, as days before now. */
function startDaysAgo(rng: Rng, archetype: Archetype): number {
  switch (archetype) {
    case 'loyal':
      return HISTORY_DAYS - 430 * Math.pow(rng.next(), 1.5);
    case 'growing':
      return rng.uniform(150, 600);
    case 'fader':
      return rng.uniform(280, HISTORY_DAYS);
    case 'oneTime':
      return rng.uniform(3, HISTORY_DAYS);
    case 'newLead':
      return rng.uniform(0.05, 90);
    case 'staleLead':
      return rng.uniform(200, HISTORY_DAYS);
    case 'bigTicket':
      return HISTORY_DAYS - 580 * Math.pow(rng.next(), 1.3);
    case 'occasional':
      return rng.uniform(100, HISTORY_DAYS);
  }
}

function checkOptions(options: DemoOptions): void {
  const { customers, now, interactionsPerCustomer } = options;
  if (!Number.isSafeInteger(customers) || customers < 0) {
    throw new RangeError(`demo customers must be a non-negative integer, got ${customers}`);
  }
  if (!Number.isSafeInteger(now) || now < HISTORY_DAYS * DAY || now >= 2 ** 48) {
    throw new RangeError(`demo now must be epoch milliseconds after 1972, got ${now}`);
  }
  if (interactionsPerCustomer !== undefined && !(interactionsPerCustomer > 0 && interactionsPerCustomer <= 1000)) {
    throw new RangeError(`demo interactionsPerCustomer must be in (0, 1000], got ${interactionsPerCustomer}`);
  }
}

/**
 * Seeded, realistic demo customers with two years of interactions, streamed one customer at a time. Customer i
 * depends only on (seed, i, now, interactionsPerCustomer, currency): a run of 1,000 begins with the same customers
 * as a run of 100,000.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoCustomer, void, undefined> {
  checkOptions(options);
  const { seed, customers, now } = options;
  const currency = options.currency ?? 'USD';
  const rule = currencyRule(currency);
  const intensity = intensityFor(options.interactionsPerCustomer ?? DEFAULT_INTERACTIONS_PER_CUSTOMER);
  const members = demoMembers(seed);
  const teamRng = Rng.of(seed, STREAM_TEAM);
  // Some members own more customers than others.
  const owners = new Weighted<DemoMember>(members.map((member) => [member, 1 + teamRng.next() * 3] as const));
  const nowYear = new Date(now).getUTCFullYear();
  const windowStart = now - HISTORY_DAYS * DAY;

  for (let index = 0; index < customers; index++) {
    const rng = Rng.of(seed, STREAM_CUSTOMER, index);
    const archetype = ARCHETYPES.draw(rng);
    const region = REGIONS.draw(rng);
    const identity = drawIdentity(rng, archetype, region, nowYear);
    const owner = rng.chance(0.92) ? owners.draw(rng) : undefined;
    const mood = MOODS[archetype].draw(rng);
    const createdAt = Math.max(windowStart, Math.min(now, Math.floor(now - startDaysAgo(rng, archetype) * DAY - rng.int(HOUR))));
    const customerId = uuidV7(createdAt, rng) as CustomerId;
    const baseSpend = SPEND_USD[archetype];
    const history = playHistory({
      rng,
      customerId,
      archetype,
      mood,
      region,
      isCompany: identity.kind === 'company',
      source: identity.source,
      zhShare: identity.zhShare,
      now,
      createdAt,
      spendUsd: identity.kind === 'company' ? baseSpend * COMPANY_SPEND_FACTOR : baseSpend,
      currency,
      currencyRule: rule,
      intensity,
    });
    const fields = customerFields(rng, { identity, archetype, history, ownerId: owner?.id });
    const createdBy = (member: DemoMember | undefined, share: number): MemberId =>
      member && rng.chance(share) ? member.id : rng.pick(members).id;

    // Historic data: each interaction was recorded when it happened, so its id carries that time.
    const interactions = history.interactions.sort(byTime).map(
      (interaction): DemoRecord<InteractionId, InteractionFields> => ({
        id: uuidV7(interaction.at, rng) as InteractionId,
        createdAt: interaction.at,
        createdBy: createdBy(owner, 0.7),
        fields: interaction,
      }),
    );
    yield {
      customer: { id: customerId, createdAt, createdBy: createdBy(owner, 0.8), fields },
      interactions,
    };
  }
}

const byTime = (a: InteractionFields, b: InteractionFields): number => a.at - b.at;
