import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES } from '../../../domain/customer';
import { useMembers } from '../../customers/hooks/useMembers';
import { rfmSegmentLabel, segmentLabel } from '../../insights/utils/labels';
import { useAudienceOptions } from '../hooks/useAudienceOptions';
import type { CampaignDraft } from '../utils/campaignDraft';

type FilterDraft = CampaignDraft['filter'];

interface AudienceFilterFieldsProps {
  value: FilterDraft;
  message: string | undefined;
  /** How many customers the filter selects now; undefined while counting. */
  size: number | undefined;
  onChange: (key: keyof FilterDraft, value: string) => void;
}

/** The customer list's filters and the Insights segments, with how many customers they select right now. */
export function AudienceFilterFields({ value, message, size, onChange }: AudienceFilterFieldsProps) {
  const { t } = useTranslation();
  const members = useMembers();
  const options = useAudienceOptions();

  const select = (key: keyof FilterDraft, label: string, choices: readonly { value: string; label: string }[]) => (
    <div className={`field field-filter-${key}`}>
      <label htmlFor={`campaign-filter-${key}`}>{label}</label>
      <select id={`campaign-filter-${key}`} name={key} value={value[key]} onChange={(event) => onChange(key, event.target.value)}>
        <option value="">{t('campaigns.filter.any')}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <fieldset className="field-wide campaign-filter" aria-describedby="campaign-filter-hint">
      <legend>{t('campaigns.filter.legend')}</legend>
      <p className="muted field-hint" id="campaign-filter-hint">
        {t('campaigns.filter.hint')}
      </p>
      <div className="campaign-filter-fields">
        {select('tag', t('campaigns.filter.tag'), (options?.tags ?? []).map((tag) => ({ value: tag, label: tag })))}
        {select('ownerId', t('campaigns.filter.owner'), [...members.values()].map((member) => ({ value: member.id, label: member.displayName })))}
        {select('lifecycle', t('campaigns.filter.lifecycle'), LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`lifecycle.${stage}`) })))}
        {(options?.segments.length ?? 0) > 0 && select('segment', t('campaigns.filter.segment'), (options?.segments ?? []).map((code) => ({ value: code, label: segmentLabel(t, code) })))}
        {(options?.rfmSegments.length ?? 0) > 0 &&
          select('rfmSegment', t('campaigns.filter.rfmSegment'), (options?.rfmSegments ?? []).map((code) => ({ value: code, label: rfmSegmentLabel(t, code) })))}
      </div>
      <p aria-live="polite" data-testid="campaign-filter-size">
        {size === undefined ? '\u00a0' : t('campaigns.filter.size', { count: size })}
      </p>
      {message && (
        <span className="field-error" role="alert">
          {message}
        </span>
      )}
    </fieldset>
  );
}
