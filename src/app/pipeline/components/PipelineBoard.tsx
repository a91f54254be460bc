import { useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { boardStageOf, CLOSED_STAGES, isClosedStage, stageTotals, type PipelineStage } from '../../../domain/pipeline';
import type { Deal } from '../../../domain/work';
import { useDealDrag } from '../hooks/useDealDrag';
import { useMoveDeal } from '../hooks/useMoveDeal';
import { stageLabel } from '../utils/stageLabel';
import { DealCard } from './DealCard';
import { StageColumn } from './StageColumn';

interface PipelineBoardProps {
  deals: readonly Deal[];
  customerNames: Map<string, string>;
  stages: readonly PipelineStage[];
  currency: string;
}

const byCloseDate = (a: Deal, b: Deal) => (a.expectedClose ?? Infinity) - (b.expectedClose ?? Infinity) || a.createdAt - b.createdAt;

/** The open deals as a board, a column per stage; while a card is dragged, won and lost appear as drop zones. */
export function PipelineBoard({ deals, customerNames, stages, currency }: PipelineBoardProps) {
  const { t } = useTranslation();
  const board = useRef<HTMLDivElement>(null);
  const keyHintId = useId();
  const move = useMoveDeal();
  const columns = new Map<string, Deal[]>(stages.map((stage) => [stage.id, []]));
  for (const deal of deals) columns.get(boardStageOf(deal, stages) ?? '')?.push(deal);
  const totals = stageTotals(deals, stages, currency);

  const handleDrop = useCallback(
    (dealId: string, stage: string) => {
      const deal = deals.find((candidate) => candidate.id === dealId);
      if (deal && boardStageOf(deal, stages) !== stage) void move(deal, stage);
    },
    [deals, stages, move],
  );
  const { drag, start, handleClickCapture } = useDealDrag(board, handleDrop);

  return (
    <>
      {!deals.some((deal) => !isClosedStage(deal.stage)) && <p className="empty">{t('pipeline.empty')}</p>}
      <p className="muted pipeline-key-hint" id={keyHintId}>
        {t('pipeline.keyHint')}
      </p>
      <div className="pipeline-board" ref={board} onClickCapture={handleClickCapture} data-testid="pipeline-board">
        {stages.map((stage) => (
          <StageColumn
            key={stage.id}
            stageId={stage.id}
            label={stageLabel(t, stages, stage.id)}
            total={totals.get(stage.id) ?? { deals: 0, amountMinor: 0 }}
            currency={currency}
            targeted={drag?.over === stage.id}
          >
            {(columns.get(stage.id) ?? []).sort(byCloseDate).map((deal) => (
              <DealCard
                key={deal.id}
                deal={deal}
                column={stage.id}
                customerName={customerNames.get(deal.customerId)}
                stages={stages}
                dragging={drag?.dealId === deal.id}
                keyHintId={keyHintId}
                onMove={(target) => void move(deal, target)}
                onPointerDown={(event, fromHandle) => start(event, deal, fromHandle)}
              />
            ))}
            {!columns.get(stage.id)?.length && <p className="muted stage-empty">{t('pipeline.emptyStage')}</p>}
          </StageColumn>
        ))}
      </div>
      {drag && (
        <>
          <div className="closed-drop-zones">
            {CLOSED_STAGES.map((stage) => (
              <div key={stage} className={`closed-drop-zone closed-drop-${stage}${drag.over === stage ? ' stage-column-targeted' : ''}`} data-drop-stage={stage}>
                {t('pipeline.dropOn', { stage: stageLabel(t, stages, stage) })}
              </div>
            ))}
          </div>
          <div className="deal-drag-ghost" aria-hidden="true" style={{ left: drag.x - drag.offsetX, top: drag.y - drag.offsetY, width: drag.width }}>
            {drag.title}
          </div>
        </>
      )}
    </>
  );
}
