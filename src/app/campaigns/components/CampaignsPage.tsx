import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import '../campaigns.css';
import { useCampaigns } from '../hooks/useCampaigns';
import { CampaignListItem } from './CampaignListItem';

/** Every live campaign, newest first, with its figures. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  if (!campaigns) return null;
  return (
    <section className="page campaigns-page">
      <header className="page-header">
        <div>
          <h1>{t('campaigns.title')}</h1>
          <p className="muted">{t('campaigns.count', { count: campaigns.length })}</p>
        </div>
        <Link href="/campaigns/new" className="button" data-testid="campaign-new">
          <Plus aria-hidden="true" size={18} />
          <span>{t('campaigns.new')}</span>
        </Link>
      </header>
      {campaigns.length ? (
        <ul className="plain-list campaign-list card">
          {campaigns.map((campaign) => (
            <CampaignListItem key={campaign.id} campaign={campaign} />
          ))}
        </ul>
      ) : (
        <p className="empty">{t('campaigns.none')}</p>
      )}
    </section>
  );
}
