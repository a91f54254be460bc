import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CampaignId } from '../../../domain/ids';
import type { FieldIssue } from '../../../domain/validation';
import { useClearDraft } from '../../shared/hooks/useDraft';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import '../campaigns.css';
import { useCampaign } from '../hooks/useCampaigns';
import { campaignInputOf, draftOfCampaign, emptyCampaignDraft, type CampaignDraft } from '../utils/campaignDraft';
import { CampaignForm } from './CampaignForm';

/** New campaign (no id) or edit of one: only the fields the user changed are sent. */
export function CampaignEditPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const [, navigate] = useLocation();
  const show = useNotices((state) => state.show);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const clearDraft = useClearDraft();
  const campaign = useCampaign(id);
  if (campaign === undefined || (id && !campaign)) return null;
  const initial = campaign ? draftOfCampaign(campaign) : emptyCampaignDraft();

  const handleSubmit = async (draft: CampaignDraft) => {
    const { input, issues: unread } = campaignInputOf(draft, campaign ? initial : undefined);
    if (unread.length) return setIssues(unread);
    const result = campaign ? await client.call('updateCampaign', campaign.id, input) : await client.call('createCampaign', input);
    if (!result.ok) return setIssues(result.issues);
    clearDraft('campaign', campaign?.id);
    if (campaign) {
      show(t('notice.saved'), true);
      navigate(`/campaigns/${campaign.id}`);
    } else {
      show(t('campaigns.notice.created'), true);
      navigate(`/campaigns/${String(result.value as CampaignId)}`);
    }
  };

  return (
    <section className="page page-wide">
      <h1>{campaign ? t('campaigns.form.edit', { name: campaign.name }) : t('campaigns.new')}</h1>
      <CampaignForm
        initial={initial}
        recordId={campaign?.id}
        issues={issues}
        submitLabel={campaign ? t('common.save') : t('campaigns.form.create')}
        onSubmit={(draft) => void handleSubmit(draft)}
        onCancel={() => navigate(campaign ? `/campaigns/${campaign.id}` : '/campaigns')}
      />
    </section>
  );
}
