import { CheckCircle2, Mail, MapPin, MessageSquare, Phone, Trophy, CalendarCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CustomerRow, InteractionRow } from '../../../data/db';
import { contactLink, hasConsent, type CampaignChannel, type CustomerCampaignState, type ResponseOutcome } from '../../../domain/campaigns';
import type { CampaignId, CustomerId } from '../../../domain/ids';
import type { Member } from '../../../domain/member';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { renderMessage } from '../utils/renderMessage';

const TOUCH_ICONS = { email: Mail, sms: MessageSquare, phone: Phone, visit: MapPin, event: CalendarCheck } as const;

interface AudienceMemberRowProps {
  campaign: { id: string; channel: CampaignChannel; subject?: string | undefined; template?: string | undefined };
  customer: CustomerRow;
  state: CustomerCampaignState | undefined;
  /** The campaign's live interactions with this customer (to take a response back). */
  interactions: readonly InteractionRow[];
  members: Map<string, Member>;
  canAct: boolean;
}

/**
 * One customer of the audience: the link that opens the device's app with their message (tapping it logs the
 * touch), whether they were touched, and their response (responded / converted), each a toggle.
 */
export function AudienceMemberRow({ campaign, customer, state, interactions, members, canAct }: AudienceMemberRowProps) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const show = useNotices((notices) => notices.show);
  const message = renderMessage(campaign, customer, members, client.identity.memberId);
  const link = contactLink(campaign.channel, customer, { subject: message.subject, body: message.body });
  const Icon = TOUCH_ICONS[campaign.channel];
  const name = customer.name;
  const touchLabel = t(`campaigns.member.touch.${campaign.channel}`, { name });

  const handleTouch = async () => {
    const result = await client.call('logCampaignTouch', campaign.id as CampaignId, customer.id, { subject: message.subject, body: message.body });
    if (result.ok) show(t('campaigns.notice.touched', { name }), true);
  };

  const handleResponse = async (outcome: ResponseOutcome, on: boolean) => {
    if (on) {
      const result = await client.call('recordCampaignResponse', campaign.id as CampaignId, customer.id as CustomerId, outcome);
      if (result.ok) show(t(`campaigns.notice.${outcome}`, { name }), true);
      return;
    }
    for (const row of interactions.filter((interaction) => interaction.outcome === outcome)) {
      await client.call('deleteRecord', { kind: 'interaction', id: row.id, doc: row.doc });
    }
    show(t('campaigns.notice.unrecorded', { name }), true);
  };

  const touches = state?.touches ?? 0;
  const responded = state?.responded ?? false;
  const converted = state?.converted ?? false;
  return (
    <li className="audience-row" data-testid="audience-row" data-customer={customer.name}>
      <div className="audience-who">
        <Link href={`/customers/${customer.id}`} className="audience-name">
          {name}
        </Link>
        <span className="audience-meta">
          {customer.company && <span className="muted">{customer.company}</span>}
          <span className={touches ? 'badge badge-touched' : 'muted'} data-testid="audience-touches">
            {touches ? t('campaigns.member.touched', { count: touches }) : t('campaigns.member.notTouched')}
          </span>
          {!hasConsent(campaign.channel, customer) && <span className="badge badge-warning">{t('campaigns.member.noConsent')}</span>}
        </span>
      </div>
      {canAct && (
        <div className="audience-actions">
          {link.kind === 'link' && (
            <a className="button button-secondary" href={link.href} aria-label={touchLabel} onClick={() => void handleTouch()} data-testid="audience-touch">
              <Icon aria-hidden="true" size={18} />
              <span>{t(`campaigns.member.touchShort.${campaign.channel}`)}</span>
            </a>
          )}
          {link.kind === 'in-person' && (
            <button type="button" className="button button-secondary" aria-label={touchLabel} onClick={() => void handleTouch()} data-testid="audience-touch">
              <Icon aria-hidden="true" size={18} />
              <span>{t(`campaigns.member.touchShort.${campaign.channel}`)}</span>
            </button>
          )}
          {link.kind === 'missing' && <span className="muted audience-missing">{link.need === 'email' ? t('campaigns.member.noEmail') : t('campaigns.member.noPhone')}</span>}
          <button
            type="button"
            className={`chip${responded ? ' chip-active' : ''}`}
            aria-pressed={responded}
            aria-label={t('campaigns.member.respondedLabel', { name })}
            onClick={() => void handleResponse('responded', !responded)}
            data-testid="audience-responded"
          >
            <CheckCircle2 aria-hidden="true" size={18} />
            <span>{t('campaigns.member.responded')}</span>
          </button>
          <button
            type="button"
            className={`chip${converted ? ' chip-active' : ''}`}
            aria-pressed={converted}
            aria-label={t('campaigns.member.convertedLabel', { name })}
            onClick={() => void handleResponse('converted', !converted)}
            data-testid="audience-converted"
          >
            <Trophy aria-hidden="true" size={18} />
            <span>{t('campaigns.member.converted')}</span>
          </button>
        </div>
      )}
    </li>
  );
}
