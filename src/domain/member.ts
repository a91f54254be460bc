import { z } from 'zod';
import { requiredText, TimestampSchema } from './fields';
import { DeviceIdSchema, MemberIdSchema } from './ids';

export const ROLES = ['owner', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const MemberSchema = z.object({
  id: MemberIdSchema,
  displayName: requiredText(80),
  deviceIds: z.array(DeviceIdSchema).max(50),
  role: z.enum(ROLES),
  joinedAt: TimestampSchema,
});
export type Member = z.infer<typeof MemberSchema>;
