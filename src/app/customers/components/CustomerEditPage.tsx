import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CustomerId } from '../../../domain/ids';
import type { FieldIssue } from '../../../domain/validation';
import { useClearDraft } from '../../shared/hooks/useDraft';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { draftOf, EMPTY_DRAFT, inputOf, type CustomerDraft } from '../utils/customerDraft';
import { CustomerForm } from './CustomerForm';

/** New customer (no id) or edit of an existing one: only the fields the user changed are sent. */
export function CustomerEditPage({ id }: { id?: string }) {
  const { t } = useTranslation();
  const client = useWorkspace();
  const [, navigate] = useLocation();
  const show = useNotices((state) => state.show);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const clearDraft = useClearDraft();
  const row = useLiveQuery(() => (id ? client.db.customers.get(id as CustomerId) : undefined), [client.db, id]);
  if (id && !row) return null;
  const initial = row ? draftOf(row) : EMPTY_DRAFT;

  const handleSubmit = async (draft: CustomerDraft) => {
    if (id) {
      const result = await client.call('updateCustomer', id as CustomerId, inputOf(draft, initial));
      if (!result.ok) return setIssues(result.issues);
      clearDraft('customer', id);
      if (result.value.length) show(t('notice.saved'), true);
      navigate(`/customers/${id}`);
    } else {
      const result = await client.call('createCustomer', inputOf(draft));
      if (!result.ok) return setIssues(result.issues);
      clearDraft('customer');
      show(t('notice.customerCreated'), true);
      navigate(`/customers/${result.value}`);
    }
  };

  return (
    <section className="page">
      <h1>{id ? t('customers.edit', { name: row?.name }) : t('customers.new')}</h1>
      <CustomerForm
        initial={initial}
        recordId={id}
        issues={issues}
        submitLabel={id ? t('common.save') : t('customers.create')}
        onSubmit={(draft) => void handleSubmit(draft)}
        onCancel={() => navigate(id ? `/customers/${id}` : '/customers')}
      />
    </section>
  );
}
