import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionRow } from '../../../data/db';
import type { Member } from '../../../domain/member';
import type { CampaignAudience } from '../hooks/useCampaignAudience';
import { AudienceMemberRow } from './AudienceMemberRow';

const PAGE = 50;

interface AudienceListProps {
  campaign: Parameters<typeof AudienceMemberRow>[0]['campaign'];
  audience: CampaignAudience;
  members: Map<string, Member>;
  canAct: boolean;
}

/** The audience by name, a page at a time, each customer with their contact link and response toggles. */
export function AudienceList({ campaign, audience, members, canAct }: AudienceListProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const byCustomer = new Map<string, InteractionRow[]>();
  for (const row of audience.interactions) byCustomer.set(row.customerId, [...(byCustomer.get(row.customerId) ?? []), row]);
  if (!audience.customers.length) return <p className="empty">{t('campaigns.page.noAudience')}</p>;
  return (
    <>
      <ul className="plain-list audience-list" data-testid="audience-list">
        {audience.customers.slice(0, shown).map((customer) => (
          <AudienceMemberRow
            key={customer.id}
            campaign={campaign}
            customer={customer}
            state={audience.states.get(customer.id)}
            interactions={byCustomer.get(customer.id) ?? []}
            members={members}
            canAct={canAct}
          />
        ))}
      </ul>
      {audience.customers.length > shown && (
        <button type="button" className="button button-secondary" onClick={() => setShown((count) => count + PAGE)}>
          {t('campaigns.page.showMore')}
        </button>
      )}
    </>
  );
}
