import { z } from 'zod';
import { DeviceIdSchema, MemberIdSchema } from './ids';

// Error messages are stable codes, translated by the UI (validation.<code>), never shown raw.

export const TimestampSchema = z.int({ error: 'invalid_time' }).min(0, { error: 'invalid_time' });

export const shortText = (max = 200) =>
  z.string().trim().max(max, { error: 'too_long' });

export const requiredText = (max = 200) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid_type') })
    .trim().min(1, { error: 'required' }).max(max, { error: 'too_long' });

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'invalid_email' }).max(254, { error: 'too_long' }));

/** Phones are stored in E.164 (normalise.ts turns what a user typed into that). */
export const PhoneE164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'invalid_phone' });

export const IsoDateSchema = z.iso.date({ error: 'invalid_date' });

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, { error: 'invalid_currency' });

/** Money is integer minor units (cents, fen) so sums never drift. */
export const MinorUnitsSchema = z.int({ error: 'invalid_amount' }).min(-1e13).max(1e13);

export const TagSchema = z
  .string()
  .trim()
  .min(1, { error: 'required' })
  .max(40, { error: 'too_long' })
  .regex(/^[^,;]+$/, { error: 'invalid_tag' });

/** Stamped on every synced record; deletes are soft (DESIGN §4): the record stays, marked. */
export const RecordStampSchema = z.object({
  createdAt: TimestampSchema,
  createdBy: MemberIdSchema,
  createdOn: DeviceIdSchema.optional(),
  updatedAt: TimestampSchema,
  updatedBy: MemberIdSchema,
  deletedAt: TimestampSchema.optional(),
  deletedBy: MemberIdSchema.optional(),
});
export type RecordStamp = z.infer<typeof RecordStampSchema>;

export const CHANNELS = ['email', 'phone', 'sms', 'meeting', 'chat', 'social', 'web', 'in-person'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = z.enum(CHANNELS);
