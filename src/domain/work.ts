import { z } from 'zod';
import { ChannelSchema, CurrencySchema, MinorUnitsSchema, RecordStampSchema, TimestampSchema, requiredText, shortText } from './fields';
import { CampaignIdSchema, CustomerIdSchema, DealIdSchema, MemberIdSchema, TaskIdSchema, TicketIdSchema } from './ids';

// The team's work on customers: deals in a pipeline, follow-up tasks, service tickets, campaigns.

export const DealFieldsSchema = z.object({
  customerId: CustomerIdSchema,
  title: requiredText(200),
  /** An id of a stage in the workspace's pipeline settings (meta document), which the team may reorder. */
  stage: requiredText(60),
  amountMinor: MinorUnitsSchema,
  currency: CurrencySchema,
  probability: z.number().min(0, { error: 'out_of_range' }).max(1, { error: 'out_of_range' }).optional(),
  expectedClose: TimestampSchema.optional(),
  ownerId: MemberIdSchema.optional(),
  lostReason: shortText(500).optional(),
  /** When the deal was won or lost (absent while open): "won this month" counts by it. */
  closedAt: TimestampSchema.optional(),
});
export const DealSchema = DealFieldsSchema.extend({ id: DealIdSchema }).extend(RecordStampSchema.shape);
export type DealFields = z.infer<typeof DealFieldsSchema>;
export type Deal = z.infer<typeof DealSchema>;

export const TaskFieldsSchema = z.object({
  title: requiredText(300),
  due: TimestampSchema.optional(),
  done: z.boolean(),
  assigneeId: MemberIdSchema.optional(),
  customerId: CustomerIdSchema.optional(),
  dealId: DealIdSchema.optional(),
  ticketId: TicketIdSchema.optional(),
  reminderAt: TimestampSchema.optional(),
});
export const TaskSchema = TaskFieldsSchema.extend({ id: TaskIdSchema }).extend(RecordStampSchema.shape);
export type TaskFields = z.infer<typeof TaskFieldsSchema>;
export type Task = z.infer<typeof TaskSchema>;

export const TICKET_KINDS = ['inquiry', 'feedback', 'complaint'] as const;
export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TicketFieldsSchema = z.object({
  customerId: CustomerIdSchema,
  kind: z.enum(TICKET_KINDS),
  subject: requiredText(300),
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(PRIORITIES),
  slaDue: TimestampSchema.optional(),
  assigneeId: MemberIdSchema.optional(),
});
export const TicketSchema = TicketFieldsSchema.extend({ id: TicketIdSchema }).extend(RecordStampSchema.shape);
export type TicketFields = z.infer<typeof TicketFieldsSchema>;
export type Ticket = z.infer<typeof TicketSchema>;

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
/** Contact channels, plus a campaign's in-person kinds (visit, event: see campaigns.ts); the schema only grows. */
const CampaignChannelSchema = z.enum([...ChannelSchema.options, 'visit', 'event'], { error: 'invalid_channel' });
export const CampaignFieldsSchema = z.object({
  name: requiredText(200),
  channel: CampaignChannelSchema,
  /** The segment the campaign targets, as a saved filter (JSON text) over the customer list. */
  segmentQuery: shortText(5_000).optional(),
  status: z.enum(CAMPAIGN_STATUSES),
  startAt: TimestampSchema.optional(),
  endAt: TimestampSchema.optional(),
  goal: shortText(500).optional(),
  /** The message: an email's subject, and a body with merge fields such as {{firstName}} (campaigns.ts). */
  subject: shortText(300).optional(),
  template: shortText(5_000).optional(),
});
export const CampaignSchema = CampaignFieldsSchema.extend({ id: CampaignIdSchema }).extend(RecordStampSchema.shape);
export type CampaignFields = z.infer<typeof CampaignFieldsSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
