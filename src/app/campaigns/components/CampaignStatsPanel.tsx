import { useTranslation } from 'react-i18next';
import type { CampaignStats } from '../../../domain/campaigns';
import { formatNumber } from '../../shared/format';
import { formatRate } from '../utils/campaignText';

/** Audience size, touched, response and conversion rates: the figures of a campaign, each with what it divides. */
export function CampaignStatsPanel({ stats }: { stats: CampaignStats }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  const items = [
    { key: 'audience', label: t('campaigns.stats.audience'), value: number(stats.audience), detail: undefined },
    { key: 'touched', label: t('campaigns.stats.touched'), value: number(stats.touched), detail: t('campaigns.stats.ofAudience', { percent: formatRate(t, stats.reach, i18n.language) }) },
    {
      key: 'response-rate',
      label: t('campaigns.stats.responseRate'),
      value: formatRate(t, stats.responseRate, i18n.language),
      detail: t('campaigns.stats.ofTouched', { count: number(stats.responded), touched: number(stats.touched) }),
    },
    {
      key: 'conversion-rate',
      label: t('campaigns.stats.conversionRate'),
      value: formatRate(t, stats.conversionRate, i18n.language),
      detail: t('campaigns.stats.ofTouched', { count: number(stats.converted), touched: number(stats.touched) }),
    },
  ];
  return (
    <dl className="stats campaign-stats">
      {items.map((item) => (
        <div key={item.key} className="stat" data-testid={`campaign-${item.key}`}>
          <dt>{item.label}</dt>
          <dd>
            <span className="stat-value" data-testid={`campaign-${item.key}-value`}>
              {item.value}
            </span>
            {item.detail && <span className="muted campaign-stat-detail">{item.detail}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
