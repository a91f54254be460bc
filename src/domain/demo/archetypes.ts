import { Weighted } from './random';

/**
 * Kinds of customer, each with its own behaviour over the two years (history.ts plays them out). Their mix and
 * parameters are chosen so that the analytics find real signal: steady and rising buyers, faders who complain and
 * stop (churn), one-time buyers, leads that never buy, rare big-ticket accounts.
 */
export type Archetype =
  | 'loyal'
  | 'growing'
  | 'fader'
  | 'oneTime'
  | 'newLead'
  | 'staleLead'
  | 'bigTicket'
  | 'occasional';

export const ARCHETYPES = new Weighted<Archetype>([
  ['loyal', 27],
  ['growing', 14],
  ['fader', 14],
  ['oneTime', 10],
  ['newLead', 10],
  ['staleLead', 4],
  ['bigTicket', 8],
  ['occasional', 13],
]);

/** Probability that a customer of the archetype is a company rather than a person (≈15% overall). */
export const COMPANY_SHARE: Record<Archetype, number> = {
  loyal: 0.14,
  growing: 0.22,
  fader: 0.12,
  oneTime: 0.06,
  newLead: 0.12,
  staleLead: 0.12,
  bigTicket: 0.5,
  occasional: 0.08,
};

/** Mean spend per purchase in US dollars for a person; companies spend `COMPANY_SPEND_FACTOR` times more. */
export const SPEND_USD: Record<Archetype, number> = {
  loyal: 110,
  growing: 90,
  fader: 95,
  oneTime: 140,
  newLead: 0,
  staleLead: 0,
  bigTicket: 3500,
  occasional: 220,
};
export const COMPANY_SPEND_FACTOR = 3;

export type Mood = 'happy' | 'neutral' | 'unhappy';

/** How a customer of the archetype tends to feel (survey scores, feedback tone). Faders turn unhappy as they fade. */
export const MOODS: Record<Archetype, Weighted<Mood>> = {
  loyal: new Weighted<Mood>([['happy', 80], ['neutral', 18], ['unhappy', 2]]),
  growing: new Weighted<Mood>([['happy', 62], ['neutral', 35], ['unhappy', 3]]),
  fader: new Weighted<Mood>([['happy', 20], ['neutral', 70], ['unhappy', 10]]),
  oneTime: new Weighted<Mood>([['happy', 30], ['neutral', 50], ['unhappy', 20]]),
  newLead: new Weighted<Mood>([['happy', 40], ['neutral', 60]]),
  staleLead: new Weighted<Mood>([['happy', 20], ['neutral', 80]]),
  bigTicket: new Weighted<Mood>([['happy', 55], ['neutral', 42], ['unhappy', 3]]),
  occasional: new Weighted<Mood>([['happy', 30], ['neutral', 60], ['unhappy', 10]]),
};

/** Where customers of each archetype came from. */
export const SOURCES: Record<'person' | 'company', Weighted<string>> = {
  person: new Weighted([
    ['website', 38], ['referral', 15], ['social media', 13], ['walk-in', 8], ['import', 9], ['trade show', 5],
    ['event', 5], ['cold call', 3], ['partner', 4],
  ]),
  company: new Weighted([
    ['website', 22], ['referral', 20], ['trade show', 18], ['cold call', 14], ['import', 10], ['partner', 10],
    ['event', 6],
  ]),
};
