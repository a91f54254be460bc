import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import type { DealId } from '../../../domain/ids';
import type { FieldIssue } from '../../../domain/validation';
import { useClearDraft } from '../../shared/hooks/useDraft';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { usePipelineSettings } from '../hooks/usePipelineSettings';
import '../pipeline.css';
import { dealInputOf, draftOfDeal, emptyDealDraft, type DealDraft } from '../utils/dealDraft';
import { DealForm } from './DealForm';

/** New deal (no id; `?customer=` prefills the customer) or edit of one: only the fields the user changed are sent. */
export function DealEditPage({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const [, navigate] = useLocation();
  const search = useSearch();
  const show = useNotices((state) => state.show);
  const settings = usePipelineSettings();
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const clearDraft = useClearDraft();
  const deal = useLiveQuery(async () => (id ? ((await client.db.deals.get(id as DealId)) ?? null) : null), [client.db, id]);
  if (!settings || deal === undefined || (id && !deal)) return null;
  const initial = deal
    ? draftOfDeal(deal)
    : emptyDealDraft({ customerId: new URLSearchParams(search).get('customer') ?? '', stage: settings.stages[0]?.id ?? '', ownerId: client.identity.memberId });

  const draftRecord = deal ? deal.id : `new-${initial.customerId}`;

  const handleSubmit = async (draft: DealDraft) => {
    const { input, issues: unread } = dealInputOf(draft, deal?.currency ?? settings.currency, i18n.language, deal ? initial : undefined);
    if (unread.length) return setIssues(unread);
    const result = deal ? await client.call('updateDeal', deal.id, input) : await client.call('createDeal', input);
    if (!result.ok) return setIssues(result.issues);
    clearDraft('deal', draftRecord);
    if (deal) {
      show(t('notice.saved'), true);
      navigate(`/deals/${deal.id}`);
    } else {
      show(t('pipeline.notice.created'), true);
      navigate(`/deals/${String(result.value)}`);
    }
  };

  return (
    <section className="page">
      <h1>{deal ? t('pipeline.form.edit', { title: deal.title }) : t('pipeline.newDeal')}</h1>
      <DealForm
        initial={initial}
        draftRecord={draftRecord}
        issues={issues}
        stages={settings.stages}
        currency={deal?.currency ?? settings.currency}
        submitLabel={deal ? t('common.save') : t('pipeline.form.create')}
        onSubmit={(draft) => void handleSubmit(draft)}
        onCancel={() => navigate(deal ? `/deals/${deal.id}` : initial.customerId ? `/customers/${initial.customerId}` : '/pipeline')}
      />
    </section>
  );
}
