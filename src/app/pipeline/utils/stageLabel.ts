import type { TFunction } from 'i18next';
import { isClosedStage, isDefaultStage, type PipelineStage } from '../../../domain/pipeline';

/** A stage's name in the reader's language: the team's own name, else the translated default or closed name. */
export function stageLabel(t: TFunction, stages: readonly PipelineStage[], id: string): string {
  if (isClosedStage(id)) return t(`pipeline.closedStage.${id}`);
  const name = stages.find((stage) => stage.id === id)?.name;
  if (name) return name;
  return isDefaultStage(id) ? t(`pipeline.defaultStage.${id}`) : t('pipeline.removedStage');
}

export function formatPercent(probability: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(probability);
}
