import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerId } from '../../../domain/ids';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

interface CustomerPickerProps {
  id: string;
  customerId: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (customerId: string) => void;
}

const SUGGESTIONS = 8;

/** Picks the deal's customer by the start of their name, through the customer list's own name index. */
export function CustomerPicker({ id, customerId, invalid, describedBy, onChange }: CustomerPickerProps) {
  const { t } = useTranslation();
  const { db } = useWorkspace();
  const [query, setQuery] = useState('');
  const chosen = useLiveQuery(async () => (customerId ? ((await db.customers.get(customerId as CustomerId)) ?? null) : null), [db, customerId]);
  const key = query.trim().toLocaleLowerCase();
  const matches = useLiveQuery(
    () => (key ? db.customers.where('[alive+nameKey]').between([1, key], [1, `${key}\uffff`]).limit(SUGGESTIONS).toArray() : []),
    [db, key],
  );

  if (chosen) {
    return (
      <div className="customer-picker-chosen">
        <span id={id} data-testid="deal-customer">
          {chosen.name}
        </span>
        <button type="button" className="button button-secondary" onClick={() => onChange('')}>
          {t('pipeline.form.changeCustomer')}
        </button>
      </div>
    );
  }
  return (
    <div className="customer-picker">
      <input
        id={id}
        type="search"
        autoComplete="off"
        placeholder={t('pipeline.form.findCustomer')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-invalid={invalid}
        {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      />
      {key && (
        <ul className="plain-list customer-picker-results">
          {matches?.map((customer) => (
            <li key={customer.id}>
              <button type="button" className="button button-secondary" onClick={() => onChange(customer.id)}>
                {customer.name}
                {customer.company && <span className="muted"> · {customer.company}</span>}
              </button>
            </li>
          ))}
          {matches?.length === 0 && <li className="muted">{t('pipeline.form.noCustomer')}</li>}
        </ul>
      )}
    </div>
  );
}
