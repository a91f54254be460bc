import type { CustomerRow } from '../../../data/db';
import type { CustomerInput } from '../../../domain/validation';

/** The customer form's text fields; lists are typed one per line or separated by commas. */
export interface CustomerDraft {
  kind: 'person' | 'company';
  name: string;
  company: string;
  title: string;
  emails: string;
  phones: string;
  address: string;
  birthday: string;
  gender: string;
  source: string;
  ownerId: string;
  tags: string;
  lifecycle: 'lead' | 'prospect' | 'customer' | 'churned';
  preferredChannel: string;
  consentEmail: boolean;
  consentSms: boolean;
  consentPhone: boolean;
  needs: string;
}

export const EMPTY_DRAFT: CustomerDraft = {
  kind: 'person',
  name: '',
  company: '',
  title: '',
  emails: '',
  phones: '',
  address: '',
  birthday: '',
  gender: '',
  source: '',
  ownerId: '',
  tags: '',
  lifecycle: 'lead',
  preferredChannel: '',
  consentEmail: false,
  consentSms: false,
  consentPhone: false,
  needs: '',
};

const splitList = (text: string) => text.split(/[\n,;，；]/).map((part) => part.trim()).filter(Boolean);

export function draftOf(row: CustomerRow): CustomerDraft {
  return {
    kind: row.kind,
    name: row.name,
    company: row.company ?? '',
    title: row.title ?? '',
    emails: row.emails.join('\n'),
    phones: row.phones.join('\n'),
    address: row.address ?? '',
    birthday: row.birthday ?? '',
    gender: row.gender ?? '',
    source: row.source ?? '',
    ownerId: row.ownerId ?? '',
    tags: row.tags.join(', '),
    lifecycle: row.lifecycle,
    preferredChannel: row.preferredChannel ?? '',
    consentEmail: row.consentEmail,
    consentSms: row.consentSms,
    consentPhone: row.consentPhone,
    needs: row.needs ?? '',
  };
}

/** The fields that differ from `before` (all of them for a new customer), as command input; '' clears a field. */
export function inputOf(draft: CustomerDraft, before?: CustomerDraft): CustomerInput {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof CustomerDraft)[]) {
    if (before && before[key] === draft[key]) continue;
    const value = draft[key];
    input[key] = key === 'emails' || key === 'phones' || key === 'tags' ? splitList(value as string) : value;
  }
  return input as CustomerInput;
}
