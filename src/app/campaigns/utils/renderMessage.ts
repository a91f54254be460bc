import type { CustomerRow } from '../../../data/db';
import { mergeValuesOf, renderTemplate, type MergeField } from '../../../domain/campaigns';
import type { Member } from '../../../domain/member';

export interface RenderedMessage {
  subject: string;
  body: string;
  missing: MergeField[];
  /** False when the subject or template names a field that does not exist (the form refuses to save those). */
  ok: boolean;
}

/** A campaign's subject and template filled in for one customer, from their owner's and the sender's names. */
export function renderMessage(campaign: { subject?: string | undefined; template?: string | undefined }, customer: CustomerRow, members: Map<string, Member>, senderId: string): RenderedMessage {
  const values = mergeValuesOf(customer, {
    owner: customer.ownerId ? members.get(customer.ownerId)?.displayName : undefined,
    sender: members.get(senderId)?.displayName,
  });
  const subject = renderTemplate(campaign.subject ?? '', values);
  const body = renderTemplate(campaign.template ?? '', values);
  return {
    subject: subject.ok ? subject.text : (campaign.subject ?? ''),
    body: body.ok ? body.text : (campaign.template ?? ''),
    missing: [...new Set([...(subject.ok ? subject.missing : []), ...(body.ok ? body.missing : [])])],
    ok: subject.ok && body.ok,
  };
}
