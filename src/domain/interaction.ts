import { z } from 'zod';
import { ChannelSchema, CurrencySchema, MinorUnitsSchema, RecordStampSchema, TimestampSchema, shortText } from './fields';
import { CampaignIdSchema, CustomerIdSchema, DealIdSchema, InteractionIdSchema, TicketIdSchema } from './ids';

export const INTERACTION_TYPES = [
  'call',
  'email',
  'meeting',
  'note',
  'purchase',
  'inquiry',
  'feedback',
  'complaint',
  'survey',
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const DIRECTIONS = ['inbound', 'outbound'] as const;
/** NPS asks 0-10 ("how likely to recommend"), CSAT 1-5 ("how satisfied"). */
export const SCORE_SCALES = { nps: [0, 10], csat: [1, 5] } as const;
export type ScoreScale = keyof typeof SCORE_SCALES;

/** The fields without their cross-field rules: for checking a patch of some fields. */
export const InteractionObjectSchema = z.object({
  customerId: CustomerIdSchema,
  type: z.enum(INTERACTION_TYPES),
  direction: z.enum(DIRECTIONS).optional(),
  channel: ChannelSchema.optional(),
  at: TimestampSchema,
  subject: shortText(300).optional(),
  body: shortText(100_000).optional(),
  amountMinor: MinorUnitsSchema.optional(),
  currency: CurrencySchema.optional(),
  score: z.int({ error: 'invalid_score' }).optional(),
  scoreScale: z.enum(['nps', 'csat']).optional(),
  outcome: shortText(200).optional(),
  campaignId: CampaignIdSchema.optional(),
  ticketId: TicketIdSchema.optional(),
  dealId: DealIdSchema.optional(),
});

type InteractionShape = z.infer<typeof InteractionObjectSchema>;

/** Rules that tie fields together: a purchase has an amount, a survey answer a score on its scale. */
function checkInteraction(value: Partial<InteractionShape>, ctx: z.RefinementCtx): void {
  if (value.type === 'purchase') {
    if (value.amountMinor === undefined) ctx.addIssue({ code: 'custom', path: ['amountMinor'], message: 'required' });
    if (value.currency === undefined) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'required' });
  }
  if (value.type === 'survey') {
    if (value.score === undefined || value.scoreScale === undefined) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'required' });
    } else {
      const [min, max] = SCORE_SCALES[value.scoreScale];
      if (value.score < min || value.score > max) {
        ctx.addIssue({ code: 'custom', path: ['score'], message: 'out_of_range' });
      }
    }
  }
}

export const InteractionFieldsSchema = InteractionObjectSchema.superRefine(checkInteraction);
export type InteractionFields = InteractionShape;
export type InteractionField = keyof InteractionFields;

export const InteractionSchema = InteractionObjectSchema.extend({ id: InteractionIdSchema })
  .extend(RecordStampSchema.shape)
  .superRefine(checkInteraction);
export type Interaction = z.infer<typeof InteractionSchema>;
