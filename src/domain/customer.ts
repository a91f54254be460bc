import { z } from 'zod';
import {
  ChannelSchema,
  EmailSchema,
  IsoDateSchema,
  PhoneE164Schema,
  RecordStampSchema,
  TagSchema,
  requiredText,
  shortText,
} from './fields';
import { CustomerIdSchema, MemberIdSchema } from './ids';

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'churned'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

const CustomValueSchema = z.union([z.string().max(1000, { error: 'too_long' }), z.number(), z.boolean()]);

/** The fields a user edits; each is one scalar of the record's Y.Map, so concurrent edits merge per field. */
export const CustomerFieldsSchema = z.object({
  kind: z.enum(CUSTOMER_KINDS),
  name: requiredText(200),
  emails: z.array(EmailSchema).max(10, { error: 'too_many' }),
  phones: z.array(PhoneE164Schema).max(10, { error: 'too_many' }),
  company: shortText().optional(),
  title: shortText().optional(),
  address: shortText(500).optional(),
  birthday: IsoDateSchema.optional(),
  gender: z.enum(GENDERS).optional(),
  source: shortText(100).optional(),
  ownerId: MemberIdSchema.optional(),
  tags: z.array(TagSchema).max(50, { error: 'too_many' }),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  preferredChannel: ChannelSchema.optional(),
  consentEmail: z.boolean(),
  consentSms: z.boolean(),
  consentPhone: z.boolean(),
  needs: shortText(10_000).optional(),
  custom: z.record(z.string().max(100), CustomValueSchema).optional(),
});
export type CustomerFields = z.infer<typeof CustomerFieldsSchema>;
export type CustomerField = keyof CustomerFields;
export const CUSTOMER_FIELDS = Object.keys(CustomerFieldsSchema.shape) as CustomerField[];

export const CustomerSchema = CustomerFieldsSchema.extend({ id: CustomerIdSchema }).extend(RecordStampSchema.shape);
export type Customer = z.infer<typeof CustomerSchema>;

/** Fields a new customer gets unless the user says otherwise. */
export const CUSTOMER_DEFAULTS = {
  kind: 'person',
  emails: [],
  phones: [],
  tags: [],
  lifecycle: 'lead',
  consentEmail: false,
  consentSms: false,
  consentPhone: false,
} as const satisfies Partial<CustomerFields>;
