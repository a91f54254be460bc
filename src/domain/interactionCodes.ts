import { CHANNELS, type Channel } from './fields';
import { INTERACTION_TYPES, type DIRECTIONS, type InteractionType, type ScoreScale } from './interaction';

// An interaction's analytical fields as small numbers, the one coding of both columnar stores: the read model's fact
// pages (src/data/factPages.ts) and the analytics' interaction table (src/analytics/features.ts), so a page is read
// into the table without translating anything.

export const DIRECTION_NONE = 0;
export const DIRECTION_INBOUND = 1;
export const DIRECTION_OUTBOUND = 2;
export const SCALE_NONE = 0;
export const SCALE_NPS = 1;
export const SCALE_CSAT = 2;
/** The channel code of an interaction or preference that names none. */
export const NO_CHANNEL = -1;

const TYPE_CODE = new Map(INTERACTION_TYPES.map((type, i) => [type, i]));
const CHANNEL_CODE = new Map(CHANNELS.map((channel, i) => [channel, i]));
const DIRECTION_CODE = { inbound: DIRECTION_INBOUND, outbound: DIRECTION_OUTBOUND } as const satisfies Record<(typeof DIRECTIONS)[number], number>;
const SCALE_CODE = { nps: SCALE_NPS, csat: SCALE_CSAT } as const satisfies Record<ScoreScale, number>;

/** The index of the type in INTERACTION_TYPES; undefined for a type this version does not know. */
export function typeCode(type: string): number | undefined {
  return TYPE_CODE.get(type as InteractionType);
}

/** The index of the channel in CHANNELS, NO_CHANNEL when there is none (or one this version does not know). */
export function channelCode(channel: string | undefined): number {
  return channel === undefined ? NO_CHANNEL : (CHANNEL_CODE.get(channel as Channel) ?? NO_CHANNEL);
}

/** The channel a code names; undefined for NO_CHANNEL. */
export function channelOf(code: number): Channel | undefined {
  return code >= 0 ? CHANNELS[code] : undefined;
}

/** One interaction's coded columns, other than whose it is. */
export interface InteractionCodes {
  /** Index into INTERACTION_TYPES. */
  type: number;
  /** Epoch ms. */
  at: number;
  /** DIRECTION_NONE, DIRECTION_INBOUND or DIRECTION_OUTBOUND. */
  direction: number;
  /** Index into CHANNELS, NO_CHANNEL when none was recorded. */
  channel: number;
  /** Purchase amount in minor units, 0 when there is none. */
  amount: number;
  /** Survey score; meaningful when scale is not SCALE_NONE. */
  score: number;
  scale: number;
}

export interface CodableInteraction {
  type: InteractionType;
  at: number;
  // Undefined is allowed so a reader can fill one object shape for every row instead of spreading optional fields.
  direction?: (typeof DIRECTIONS)[number] | undefined;
  channel?: Channel | undefined;
  amount?: number | undefined;
  score?: number | undefined;
  scale?: ScoreScale | undefined;
}

export function interactionCodes(interaction: CodableInteraction): InteractionCodes {
  const type = typeCode(interaction.type);
  if (type === undefined) throw new RangeError(`unknown interaction type "${interaction.type}"`);
  return {
    type,
    at: interaction.at,
    direction: interaction.direction === undefined ? DIRECTION_NONE : DIRECTION_CODE[interaction.direction],
    channel: channelCode(interaction.channel),
    amount: interaction.amount ?? 0,
    score: interaction.score ?? 0,
    scale: interaction.scale === undefined ? SCALE_NONE : SCALE_CODE[interaction.scale],
  };
}
