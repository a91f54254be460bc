import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_CHANNELS } from '../../../domain/campaigns';
import type { FieldIssue } from '../../../domain/validation';
import { CAMPAIGN_STATUSES } from '../../../domain/work';
import { useMembers } from '../../customers/hooks/useMembers';
import { ChoiceSelect } from '../../shared/components/ChoiceSelect';
import { DraftNotice } from '../../shared/components/DraftNotice';
import { FormActions } from '../../shared/components/FormActions';
import { FormField, type FieldControlProps } from '../../shared/components/FormField';
import { useDraft } from '../../shared/hooks/useDraft';
import { useCampaignAudience } from '../hooks/useCampaignAudience';
import { filterOfDraft, type CampaignDraft } from '../utils/campaignDraft';
import { campaignFieldMessage } from '../utils/campaignText';
import { AudienceFilterFields } from './AudienceFilterFields';
import { MessagePreview } from './MessagePreview';
import { TemplateField } from './TemplateField';

const TEMPLATE_CODES = new Set(['unknown_merge_field', 'unclosed_merge_field']);

interface CampaignFormProps {
  initial: CampaignDraft;
  /** The campaign edited (none: a new one): the draft kept on the device is per record. */
  recordId?: string | undefined;
  issues: readonly FieldIssue[];
  submitLabel: string;
  onSubmit: (draft: CampaignDraft) => void;
  onCancel: () => void;
}

/** Create and edit share one form: name, channel, audience (a filter or a segment), message with merge fields. */
export function CampaignForm({ initial, recordId, issues, submitLabel, onSubmit, onCancel }: CampaignFormProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const { value: draft, set: setDraft, restored, discard } = useDraft('campaign', recordId, initial);
  const filter = filterOfDraft(draft);
  const audience = useCampaignAudience(filter);
  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const message = (key: string) => campaignFieldMessage(t, issues, key);
  // The template rules are checked live as the user types (TemplateField); only other problems wait for a save.
  const textMessage = (key: string) => campaignFieldMessage(t, issues.filter((issue) => !TEMPLATE_CODES.has(issue.code)), key);

  const field = (key: keyof CampaignDraft, label: string, control: (props: FieldControlProps) => ReactNode) => (
    <FormField id={`campaign-${key}`} className={`field-${key}`} label={label} message={message(key)}>
      {control}
    </FormField>
  );
  const text = (key: 'name' | 'goal' | 'startAt' | 'endAt', label: string, type = 'text') =>
    field(key, label, (control) => <input {...control} name={key} type={type} autoComplete="off" value={draft[key]} onChange={(event) => set(key, event.target.value)} />);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form className="card form-grid campaign-form" onSubmit={handleSubmit} noValidate data-testid="campaign-form">
      <DraftNotice restored={restored} onDiscard={discard} />
      {text('name', t('campaigns.field.name'))}
      {field('channel', t('campaigns.field.channel'), (control) => (
        <ChoiceSelect {...control} name="channel" value={draft.channel} options={CAMPAIGN_CHANNELS} label={(option) => t(`campaigns.channels.${option}`)} onChange={(value) => set('channel', value)} />
      ))}
      {field('status', t('campaigns.field.status'), (control) => (
        <ChoiceSelect {...control} name="status" value={draft.status} options={CAMPAIGN_STATUSES} label={(option) => t(`campaigns.statuses.${option}`)} onChange={(value) => set('status', value)} />
      ))}
      {text('startAt', t('campaigns.field.startAt'), 'date')}
      {text('endAt', t('campaigns.field.endAt'), 'date')}
      {text('goal', t('campaigns.field.goal'))}
      <AudienceFilterFields
        value={draft.filter}
        size={audience?.stats.audience}
        message={message('segmentQuery')}
        onChange={(key, value) => setDraft((current) => ({ ...current, filter: { ...current.filter, [key]: value } }))}
      />
      {draft.channel === 'email' && (
        <TemplateField id="campaign-subject" name="subject" label={t('campaigns.field.subject')} value={draft.subject} serverMessage={textMessage('subject')} multiline={false} onChange={(value) => set('subject', value)} />
      )}
      <TemplateField id="campaign-template" name="template" label={t('campaigns.field.template')} value={draft.template} serverMessage={textMessage('template')} multiline onChange={(value) => set('template', value)} />
      <div className="field-wide">
        <MessagePreview campaign={{ subject: draft.channel === 'email' ? draft.subject : '', template: draft.template }} customer={audience?.customers[0]} members={members} />
      </div>
      <FormActions submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}
