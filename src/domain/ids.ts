import { z } from 'zod';

// Client-generated UUIDv7 ids: sortable by creation time, unique without coordination between devices.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const uuid = () => z.string().regex(UUID, { error: 'invalid_id' });

export const CustomerIdSchema = uuid().brand<'CustomerId'>();
export const InteractionIdSchema = uuid().brand<'InteractionId'>();
export const DealIdSchema = uuid().brand<'DealId'>();
export const TaskIdSchema = uuid().brand<'TaskId'>();
export const TicketIdSchema = uuid().brand<'TicketId'>();
export const CampaignIdSchema = uuid().brand<'CampaignId'>();
export const MemberIdSchema = uuid().brand<'MemberId'>();
export const DeviceIdSchema = uuid().brand<'DeviceId'>();
export const AuditIdSchema = uuid().brand<'AuditId'>();

export type CustomerId = z.infer<typeof CustomerIdSchema>;
export type InteractionId = z.infer<typeof InteractionIdSchema>;
export type DealId = z.infer<typeof DealIdSchema>;
export type TaskId = z.infer<typeof TaskIdSchema>;
export type TicketId = z.infer<typeof TicketIdSchema>;
export type CampaignId = z.infer<typeof CampaignIdSchema>;
export type MemberId = z.infer<typeof MemberIdSchema>;
export type DeviceId = z.infer<typeof DeviceIdSchema>;
export type AuditId = z.infer<typeof AuditIdSchema>;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The creation time a UUIDv7 carries in its first 48 bits (epoch milliseconds). */
export function uuidV7Time(id: string): number {
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
