import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealId } from '../../../domain/ids';
import { LOST, WON } from '../../../domain/pipeline';
import type { FieldIssue } from '../../../domain/validation';
import { useNotices } from '../../shared/state/notices';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { usePipelineUi } from '../state/pipelineUi';
import { stageLabel } from '../utils/stageLabel';
import { usePipelineSettings } from './usePipelineSettings';

/**
 * Moves a deal to another stage (won and lost included) and says so: in the live region, in an undoable notice, and
 * by keeping keyboard focus on the card. Lost without a reason opens the dialog that asks for one.
 */
export function useMoveDeal(): (deal: { id: string; title: string }, stage: string, lostReason?: string) => Promise<FieldIssue[]> {
  const { t } = useTranslation();
  const client = useWorkspace();
  const settings = usePipelineSettings();
  const show = useNotices((state) => state.show);
  const announce = usePipelineUi((state) => state.announce);
  const requestFocus = usePipelineUi((state) => state.requestFocus);
  const setLosing = usePipelineUi((state) => state.setLosing);
  return useCallback(
    async (deal, stage, lostReason) => {
      if (stage === LOST && lostReason === undefined) {
        setLosing(deal);
        return [];
      }
      const result = await client.call('updateDeal', deal.id as DealId, { stage, ...(lostReason === undefined ? {} : { lostReason }) });
      if (!result.ok) return result.issues;
      const title = deal.title;
      const text =
        stage === WON ? t('pipeline.announce.won', { title })
        : stage === LOST ? t('pipeline.announce.lost', { title })
        : t('pipeline.announce.moved', { title, stage: stageLabel(t, settings?.stages ?? [], stage) });
      announce(text);
      show(text, true);
      requestFocus({ dealId: deal.id, stage });
      return [];
    },
    [client, settings, t, show, announce, requestFocus, setLosing],
  );
}
