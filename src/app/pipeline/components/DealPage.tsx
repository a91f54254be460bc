import { useLiveQuery } from 'dexie-react-hooks';
import { ThumbsDown, Trophy } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DealId } from '../../../domain/ids';
import { effectiveProbability, isClosedStage, LOST, WON } from '../../../domain/pipeline';
import { useMembers } from '../../customers/hooks/useMembers';
import { DeletedBanner } from '../../shared/components/DeletedBanner';
import { DetailList } from '../../shared/components/DetailList';
import { RecordActions } from '../../shared/components/RecordActions';
import { formatDate, formatMoney } from '../../shared/format';
import { LinkedTasks } from '../../service/components/LinkedTasks';
import { useSoftDelete } from '../../shared/hooks/useSoftDelete';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useMoveDeal } from '../hooks/useMoveDeal';
import { usePipelineSettings } from '../hooks/usePipelineSettings';
import '../pipeline.css';
import { formatDay } from '../utils/calendarDay';
import { formatPercent, stageLabel } from '../utils/stageLabel';
import { LoseDealDialog } from './LoseDealDialog';
import { MoveDealSelect } from './MoveDealSelect';
import { PipelineAnnouncer } from './PipelineAnnouncer';

/** One deal: its figures, win / lose / move, edit, delete and restore. */
export function DealPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const client = useWorkspace();
  const members = useMembers();
  const { remove, restore } = useSoftDelete();
  const settings = usePipelineSettings();
  const move = useMoveDeal();
  const found = useLiveQuery(async () => {
    const deal = await client.db.deals.get(id as DealId);
    return deal ? { deal, customer: await client.db.customers.get(deal.customerId) } : null;
  }, [client.db, id]);
  if (found === undefined || !settings) return null;
  if (found === null) {
    return (
      <section className="page">
        <h1>{t('pipeline.page.notFound')}</h1>
        <Link href="/pipeline">{t('pipeline.page.back')}</Link>
      </section>
    );
  }
  const { deal, customer } = found;
  const { stages } = settings;
  const deleted = deal.deletedAt !== undefined;
  const probability = effectiveProbability(deal, stages);
  const percent = formatPercent(probability, i18n.language);
  const details: [string, string | undefined][] = [
    [t('pipeline.deal.amount'), formatMoney(deal.amountMinor, deal.currency, i18n.language)],
    [t('pipeline.deal.probability'), deal.probability === undefined && !isClosedStage(deal.stage) ? t('pipeline.deal.stageDefault', { percent }) : percent],
    [t('pipeline.deal.expectedClose'), deal.expectedClose === undefined ? undefined : formatDay(deal.expectedClose, i18n.language)],
    [t('pipeline.deal.owner'), deal.ownerId ? members.get(deal.ownerId)?.displayName : undefined],
    [t('pipeline.deal.lostReason'), deal.lostReason],
    [t('pipeline.deal.closedAt'), deal.closedAt === undefined ? undefined : formatDate(deal.closedAt, i18n.language)],
    [t('pipeline.deal.createdAt'), formatDate(deal.createdAt, i18n.language)],
  ];

  return (
    <section className="page deal-page">
      {deleted && <DeletedBanner message={t('pipeline.page.deletedBanner')} onRestore={() => void restore({ kind: 'deal', id }, t('pipeline.notice.restored', { title: deal.title }))} />}
      <header className="page-header">
        <div>
          <h1 data-testid="deal-title">{deal.title}</h1>
          <p className="muted">
            {customer && <Link href={`/customers/${customer.id}`}>{customer.name}</Link>}{' '}
            <span className={`badge badge-stage-${isClosedStage(deal.stage) ? deal.stage : 'open'}`} data-testid="deal-stage">
              {stageLabel(t, stages, deal.stage)}
            </span>
          </p>
        </div>
        {!deleted && <RecordActions editHref={`/deals/${id}/edit`} onDelete={() => void remove({ kind: 'deal', id }, t('pipeline.notice.deleted', { title: deal.title }))} />}
      </header>
      {!deleted && (
        <div className="deal-actions">
          {deal.stage !== WON && (
            <button type="button" className="button" onClick={() => void move(deal, WON)} data-testid="deal-win">
              <Trophy aria-hidden="true" size={18} />
              <span>{t('pipeline.actions.win')}</span>
            </button>
          )}
          {deal.stage !== LOST && (
            <button type="button" className="button button-secondary" onClick={() => void move(deal, LOST)} data-testid="deal-lose">
              <ThumbsDown aria-hidden="true" size={18} />
              <span>{t('pipeline.actions.lose')}</span>
            </button>
          )}
          <MoveDealSelect title={deal.title} stage={deal.stage} stages={stages} onMove={(stage) => void move(deal, stage)} />
        </div>
      )}
      <section className="card">
        <DetailList details={details} className="deal-details" />
      </section>
      <LinkedTasks link={{ customerId: deal.customerId, dealId: deal.id }} canAdd={!deleted} />
      <LoseDealDialog />
      <PipelineAnnouncer />
    </section>
  );
}
