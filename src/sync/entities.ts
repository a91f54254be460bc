import type { z } from 'zod';
import { AuditEntrySchema } from '../domain/audit';
import { CUSTOMER_DEFAULTS, CustomerSchema, CustomerFieldsSchema } from '../domain/customer';
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
import type { RecordShape } from './recordMaps';

/**
 * How each kind of record is kept in the documents. Map records are a nested Y.Map of scalar fields (per-field
 * merge: two people editing different fields of one customer both win). Interactions and audit entries are written
 * once and rarely edited, so each is one JSON value: a quarter of the memory of nested maps (DESIGN §4 figures).
 */
export interface MapEntity extends RecordShape {
  storage: 'map';
  doc: string;
  collection: string;
  schema: z.ZodType;
  fieldsSchema: z.ZodObject;
}

export const MAP_ENTITIES = {
  customer: {
    storage: 'map',
    doc: CUSTOMERS_DOC,
    collection: 'customers',
    schema: CustomerSchema,
    fieldsSchema: CustomerFieldsSchema,
    setFields: ['tags'],
    defaults: CUSTOMER_DEFAULTS,
  },
  deal: { storage: 'map', doc: WORK_DOC, collection: 'deals', schema: DealSchema, fieldsSchema: DealFieldsSchema, setFields: [], defaults: {} },
  task: { storage: 'map', doc: WORK_DOC, collection: 'tasks', schema: TaskSchema, fieldsSchema: TaskFieldsSchema, setFields: [], defaults: {} },
  ticket: { storage: 'map', doc: WORK_DOC, collection: 'tickets', schema: TicketSchema, fieldsSchema: TicketFieldsSchema, setFields: [], defaults: {} },
  campaign: {
    storage: 'map',
    doc: WORK_DOC,
    collection: 'campaigns',
    schema: CampaignSchema,
    fieldsSchema: CampaignFieldsSchema,
    setFields: [],
    defaults: {},
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
