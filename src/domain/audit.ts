import { z } from 'zod';
import { TimestampSchema } from './fields';
import { AuditIdSchema, DeviceIdSchema, MemberIdSchema } from './ids';

export const ENTITY_KINDS = ['customer', 'interaction', 'deal', 'task', 'ticket', 'campaign', 'member'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Who changed which field of which record, on which device, when, from what to what. */
export const AuditEntrySchema = z.object({
  id: AuditIdSchema,
  entity: z.enum(ENTITY_KINDS),
  recordId: z.string().min(1),
  /** A field name, or `deletedAt` for a delete / restore. */
  field: z.string().min(1).max(100),
  from: z.json().optional(),
  to: z.json().optional(),
  memberId: MemberIdSchema,
  deviceId: DeviceIdSchema,
  at: TimestampSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
