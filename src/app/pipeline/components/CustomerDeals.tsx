import { Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isClosedStage } from '../../../domain/pipeline';
import { CardSection } from '../../shared/components/CardSection';
import { formatMoney } from '../../shared/format';
import { useDeals } from '../hooks/useDeals';
import { usePipelineSettings } from '../hooks/usePipelineSettings';
import '../pipeline.css';
import { formatDay } from '../utils/calendarDay';
import { stageLabel } from '../utils/stageLabel';

/** A customer's deals on their page, open ones first, with a new deal for them one tap away. */
export function CustomerDeals({ customerId, canAdd }: { customerId: string; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const settings = usePipelineSettings();
  const data = useDeals(customerId);
  if (!settings || !data) return null;
  const deals = [...data.deals].sort((a, b) => Number(isClosedStage(a.stage)) - Number(isClosedStage(b.stage)) || b.createdAt - a.createdAt);
  return (
    <CardSection
      id="customer-deals"
      title={t('pipeline.customerDeals.title')}
      action={
        canAdd && (
          <Link href={`/deals/new?customer=${customerId}`} className="button button-secondary" data-testid="customer-new-deal">
            <Plus aria-hidden="true" size={18} />
            <span>{t('pipeline.newDeal')}</span>
          </Link>
        )
      }
      className="customer-deals"
      testId="customer-deals"
    >
      {deals.length ? (
        <ul className="plain-list">
          {deals.map((deal) => (
            <li key={deal.id} className="customer-deal">
              <Link href={`/deals/${deal.id}`}>{deal.title}</Link>
              <span className="badge">{stageLabel(t, settings.stages, deal.stage)}</span>
              <span>{formatMoney(deal.amountMinor, deal.currency, i18n.language)}</span>
              {deal.expectedClose !== undefined && <span className="muted">{formatDay(deal.expectedClose, i18n.language)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('pipeline.customerDeals.none')}</p>
      )}
    </CardSection>
  );
}
