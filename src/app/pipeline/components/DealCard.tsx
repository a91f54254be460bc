import { GripVertical } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { effectiveProbability, neighbourStage, type PipelineStage } from '../../../domain/pipeline';
import type { Deal } from '../../../domain/work';
import { formatMoney } from '../../shared/format';
import { usePipelineUi } from '../state/pipelineUi';
import { formatDay } from '../utils/calendarDay';
import { formatPercent } from '../utils/stageLabel';
import { MoveDealSelect } from './MoveDealSelect';

interface DealCardProps {
  deal: Deal;
  /** The column the card shows in (its stage, or the first one for a deal whose stage was removed). */
  column: string;
  customerName: string | undefined;
  stages: readonly PipelineStage[];
  dragging: boolean;
  keyHintId: string;
  onMove: (stage: string) => void;
  onPointerDown: (event: PointerEvent<HTMLElement>, fromHandle: boolean) => void;
}

/** One deal on the board: open it, drag it (mouse anywhere, touch by the handle), or move it with Alt+←/→. */
export function DealCard({ deal, column, customerName, stages, dragging, keyHintId, onMove, onPointerDown }: DealCardProps) {
  const { t, i18n } = useTranslation();
  const card = useRef<HTMLElement>(null);
  const focusRequest = usePipelineUi((state) => state.focusRequest);
  const requestFocus = usePipelineUi((state) => state.requestFocus);
  const announce = usePipelineUi((state) => state.announce);

  // A card moved from the keyboard is a new element in its new column: it takes the focus once it is there.
  useEffect(() => {
    if (focusRequest?.dealId !== deal.id || focusRequest.stage !== column) return;
    card.current?.focus();
    requestFocus(null);
  }, [focusRequest, deal.id, column, requestFocus]);

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') || event.target instanceof HTMLSelectElement) return;
    // Alt+← is also the browser's Back: on a deal card it moves the deal instead.
    event.preventDefault();
    const step = event.key === 'ArrowLeft' ? -1 : 1;
    const target = neighbourStage(stages, column, step);
    if (target) onMove(target);
    else announce(t(step < 0 ? 'pipeline.announce.first' : 'pipeline.announce.last', { title: deal.title }));
  };

  const amount = formatMoney(deal.amountMinor, deal.currency, i18n.language);
  return (
    <article
      ref={card}
      className={`deal-card${dragging ? ' deal-card-dragging' : ''}`}
      tabIndex={0}
      aria-label={[deal.title, customerName, amount].filter(Boolean).join(', ')}
      aria-describedby={keyHintId}
      data-deal-card={deal.id}
      data-testid="deal-card"
      onKeyDown={handleKeyDown}
      onPointerDown={(event) => onPointerDown(event, false)}
    >
      <span className="deal-handle" aria-hidden="true" title={t('pipeline.dragHandle', { title: deal.title })} onPointerDown={(event) => {
        event.stopPropagation();
        onPointerDown(event, true);
      }}>
        <GripVertical size={18} />
      </span>
      <div className="deal-card-body">
        <Link href={`/deals/${deal.id}`} className="deal-card-title" draggable={false}>
          {deal.title}
        </Link>
        {customerName && <span className="muted deal-card-customer">{customerName}</span>}
        <span className="deal-card-figures">
          <strong>{amount}</strong>
          <span className="muted">{formatPercent(effectiveProbability(deal, stages), i18n.language)}</span>
          {deal.expectedClose !== undefined && <span className="muted">{formatDay(deal.expectedClose, i18n.language)}</span>}
        </span>
        <MoveDealSelect title={deal.title} stage={column} stages={stages} onMove={onMove} />
      </div>
    </article>
  );
}
