import { useTranslation } from 'react-i18next';
import { CLOSED_STAGES, type PipelineStage } from '../../../domain/pipeline';
import { stageLabel } from '../utils/stageLabel';

interface MoveDealSelectProps {
  title: string;
  stage: string;
  stages: readonly PipelineStage[];
  onMove: (stage: string) => void;
}

/** Every other stage, won and lost included: the way to move a deal without dragging it. */
export function MoveDealSelect({ title, stage, stages, onMove }: MoveDealSelectProps) {
  const { t } = useTranslation();
  const targets = [...stages.map((candidate) => candidate.id), ...CLOSED_STAGES].filter((id) => id !== stage);
  return (
    <select className="deal-move" aria-label={t('pipeline.moveToLabel', { title })} value="" onChange={(event) => event.target.value && onMove(event.target.value)} data-testid="deal-move">
      <option value="" disabled>
        {t('pipeline.moveTo')}
      </option>
      {targets.map((id) => (
        <option key={id} value={id}>
          {stageLabel(t, stages, id)}
        </option>
      ))}
    </select>
  );
}
