import type { z } from 'zod';
import { AuditEntrySchema } from '../domain/audit';
import { CustomerSchema, CustomerFieldsSchema } from '../domain/customer';
import { InteractionSchema } from '../domain/interaction';
import { MemberSchema } from '../domain/member';
import {
  CampaignFieldsSchema,
  CampaignSchema,
  DealFieldsSchema,
  DealSchema,
  TaskFieldsSchema,
  TaskSchema,
  TicketFieldsSchema,
  TicketSchema,
} from '../domain/work';
import { CUSTOMERS_DOC, WORK_DOC } from './documentNames';

/**
 * How each kind of record is kept in the documents. Map records are a nested Y.Map of scalar fields (per-field
 * merge: two people editing different fields of one customer both win). Interactions and audit entries are written
 * once and rarely edited, so each is one JSON value: a quarter of the memory of nested maps (DESIGN §4 figures).
 */
export interface MapEntity {
  storage: 'map';
  doc: string;
  collection: string;
  schema: z.ZodType;
  fieldsSchema: z.ZodObject;
  /** Fields kept as Y.Map<value, true> so concurrent additions and removals merge. */
  setFields: readonly string[];
}

export const MAP_ENTITIES = {
  customer: {
    storage: 'map',
    doc: CUSTOMERS_DOC,
    collection: 'customers',
    schema: CustomerSchema,
    fieldsSchema: CustomerFieldsSchema,
    setFields: ['tags'],
  },
  deal: { storage: 'map', doc: WORK_DOC, collection: 'deals', schema: DealSchema, fieldsSchema: DealFieldsSchema, setFields: [] },
  task: { storage: 'map', doc: WORK_DOC, collection: 'tasks', schema: TaskSchema, fieldsSchema: TaskFieldsSchema, setFields: [] },
  ticket: { storage: 'map', doc: WORK_DOC, collection: 'tickets', schema: TicketSchema, fieldsSchema: TicketFieldsSchema, setFields: [] },
  campaign: {
    storage: 'map',
    doc: WORK_DOC,
    collection: 'campaigns',
    schema: CampaignSchema,
    fieldsSchema: CampaignFieldsSchema,
    setFields: [],
  },
} as const satisfies Record<string, MapEntity>;
export type MapEntityKind = keyof typeof MAP_ENTITIES;

export const INTERACTIONS_COLLECTION = 'interactions';
export const AUDIT_COLLECTION = 'entries';
export const MEMBERS_COLLECTION = 'members';
export const SETTINGS_COLLECTION = 'settings';
export const DOCUMENTS_COLLECTION = 'documents';

export const RECORD_SCHEMAS = {
  interaction: InteractionSchema,
  audit: AuditEntrySchema,
  member: MemberSchema,
} as const;
