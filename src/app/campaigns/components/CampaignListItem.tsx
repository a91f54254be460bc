import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isCampaignChannel, parseAudienceFilter } from '../../../domain/campaigns';
import type { Campaign } from '../../../domain/work';
import { formatNumber } from '../../shared/format';
import { useCampaignAudience } from '../hooks/useCampaignAudience';
import { formatRate } from '../utils/campaignText';

/** One campaign in the list: its name, channel and status, and its figures. */
export function CampaignListItem({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const audience = useCampaignAudience(parseAudienceFilter(campaign.segmentQuery), campaign.id);
  const stats = audience?.stats;
  return (
    <li className="campaign-item" data-testid="campaign-item">
      <Link href={`/campaigns/${campaign.id}`} className="campaign-item-name">
        {campaign.name}
      </Link>
      <span className="campaign-item-meta">
        <span className="badge">{isCampaignChannel(campaign.channel) ? t(`campaigns.channels.${campaign.channel}`) : campaign.channel}</span>
        <span className={`badge badge-campaign-${campaign.status}`}>{t(`campaigns.statuses.${campaign.status}`)}</span>
        {stats && (
          <>
            <span className="muted">
              {t('campaigns.stats.audience')} {formatNumber(stats.audience, i18n.language)}
            </span>
            <span className="muted">
              {t('campaigns.stats.touched')} {formatNumber(stats.touched, i18n.language)}
            </span>
            <span className="muted">
              {t('campaigns.stats.responseRate')} {formatRate(t, stats.responseRate, i18n.language)}
            </span>
            <span className="muted">
              {t('campaigns.stats.conversionRate')} {formatRate(t, stats.conversionRate, i18n.language)}
            </span>
          </>
        )}
      </span>
    </li>
  );
}
