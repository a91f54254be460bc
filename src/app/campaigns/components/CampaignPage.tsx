import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isCampaignChannel, parseAudienceFilter } from '../../../domain/campaigns';
import { useMembers } from '../../customers/hooks/useMembers';
import { formatDay } from '../../pipeline/utils/calendarDay';
import { CardSection } from '../../shared/components/CardSection';
import { DeletedBanner } from '../../shared/components/DeletedBanner';
import { DetailList } from '../../shared/components/DetailList';
import { RecordActions } from '../../shared/components/RecordActions';
import { useSoftDelete } from '../../shared/hooks/useSoftDelete';
import '../campaigns.css';
import { useCampaignAudience } from '../hooks/useCampaignAudience';
import { useCampaign } from '../hooks/useCampaigns';
import { describeFilter } from '../utils/campaignText';
import { AudienceList } from './AudienceList';
import { CampaignStatsPanel } from './CampaignStatsPanel';
import { ExportAudienceButton } from './ExportAudienceButton';
import { MessagePreview } from './MessagePreview';

/** One campaign: its figures, its message, its audience (touch, responses), export, edit, delete and restore. */
export function CampaignPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const members = useMembers();
  const { remove, restore } = useSoftDelete();
  const campaign = useCampaign(id);
  const filter = campaign ? parseAudienceFilter(campaign.segmentQuery) : null;
  const audience = useCampaignAudience(filter, id);
  if (campaign === undefined) return null;
  if (campaign === null) {
    return (
      <section className="page">
        <h1>{t('campaigns.page.notFound')}</h1>
        <Link href="/campaigns">{t('campaigns.page.back')}</Link>
      </section>
    );
  }
  const deleted = campaign.deletedAt !== undefined;
  const channel = isCampaignChannel(campaign.channel) ? campaign.channel : null;
  const details: [string, string | undefined][] = [
    [t('campaigns.field.goal'), campaign.goal],
    [t('campaigns.field.startAt'), campaign.startAt === undefined ? undefined : formatDay(campaign.startAt, i18n.language)],
    [t('campaigns.field.endAt'), campaign.endAt === undefined ? undefined : formatDay(campaign.endAt, i18n.language)],
    [t('campaigns.field.audience'), filter ? describeFilter(t, filter, members) : t('campaigns.page.badFilter')],
  ];

  return (
    <section className="page page-wide campaign-page">
      {deleted && <DeletedBanner message={t('campaigns.page.deletedBanner')} onRestore={() => void restore({ kind: 'campaign', id }, t('campaigns.notice.restored', { name: campaign.name }))} />}
      <header className="page-header">
        <div>
          <h1 data-testid="campaign-name">{campaign.name}</h1>
          <p className="muted">
            <span className="badge">{channel ? t(`campaigns.channels.${channel}`) : campaign.channel}</span>{' '}
            <span className={`badge badge-campaign-${campaign.status}`}>{t(`campaigns.statuses.${campaign.status}`)}</span>
          </p>
        </div>
        {!deleted && <RecordActions editHref={`/campaigns/${id}/edit`} onDelete={() => void remove({ kind: 'campaign', id }, t('campaigns.notice.deleted', { name: campaign.name }))} />}
      </header>
      {audience && <CampaignStatsPanel stats={audience.stats} />}
      <section className="card">
        <DetailList details={details} className="campaign-details" />
      </section>
      <CardSection id="campaign-message" title={t('campaigns.page.message')}>
        {campaign.template || campaign.subject ? (
          <MessagePreview campaign={campaign} customer={audience?.customers[0]} members={members} />
        ) : (
          <p className="muted">{t('campaigns.page.noMessage')}</p>
        )}
      </CardSection>
      <CardSection
        id="campaign-audience"
        title={t('campaigns.page.audience')}
        action={audience ? <ExportAudienceButton customers={audience.customers} members={members} fileName={t('campaigns.csv')} /> : undefined}
      >
        {audience && channel && <AudienceList campaign={{ id: campaign.id, channel, subject: campaign.subject, template: campaign.template }} audience={audience} members={members} canAct={!deleted} />}
      </CardSection>
    </section>
  );
}
