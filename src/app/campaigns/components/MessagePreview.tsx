import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../data/db';
import type { Member } from '../../../domain/member';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { renderMessage } from '../utils/renderMessage';

interface MessagePreviewProps {
  campaign: { subject?: string | undefined; template?: string | undefined };
  customer: CustomerRow | undefined;
  members: Map<string, Member>;
}

/** The message as one customer of the audience will get it, merge fields filled in. */
export function MessagePreview({ campaign, customer, members }: MessagePreviewProps) {
  const { t } = useTranslation();
  const { identity } = useWorkspace();
  if (!customer) return <p className="muted">{t('campaigns.template.noPreview')}</p>;
  const message = renderMessage(campaign, customer, members, identity.memberId);
  return (
    <figure className="message-preview" data-testid="message-preview">
      <figcaption className="muted">{t('campaigns.template.preview', { name: customer.name })}</figcaption>
      {message.subject && <p className="message-subject">{message.subject}</p>}
      <p className="message-body">{message.body}</p>
      {message.missing.length > 0 && <p className="muted">{t('campaigns.template.missing', { fields: message.missing.map((field) => `{{${field}}}`).join(', ') })}</p>}
    </figure>
  );
}
