import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOST } from '../../../domain/pipeline';
import type { FieldIssue } from '../../../domain/validation';
import { FormActions } from '../../shared/components/FormActions';
import { FormField } from '../../shared/components/FormField';
import { useMoveDeal } from '../hooks/useMoveDeal';
import { usePipelineUi } from '../state/pipelineUi';
import { pipelineFieldMessage } from '../utils/issueText';

/** Asks why a deal was lost before marking it so: a lost deal always says why. */
export function LoseDealDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const losing = usePipelineUi((state) => state.losing);
  const setLosing = usePipelineUi((state) => state.setLosing);
  const move = useMoveDeal();
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (losing && !element.open) element.showModal();
    else if (!losing && element.open) element.close();
  }, [losing]);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!losing) return;
    const found = await move(losing, LOST, reason);
    setIssues(found);
    if (!found.length) setLosing(null);
  };
  // Escape, Cancel and a successful save all close the dialog; each leaves it empty for the next deal.
  const handleClose = () => {
    setReason('');
    setIssues([]);
    setLosing(null);
  };
  return (
    <dialog ref={dialog} className="card lose-dialog" aria-labelledby="lose-title" onClose={handleClose} data-testid="lose-dialog">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate>
        <h2 id="lose-title">{t('pipeline.lose.title', { title: losing?.title ?? '' })}</h2>
        <FormField id="lose-reason" className="field-lostReason" label={t('pipeline.deal.lostReason')} message={pipelineFieldMessage(t, issues, 'lostReason')}>
          {(control) => <textarea {...control} name="lostReason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </FormField>
        <FormActions submitLabel={t('pipeline.lose.confirm')} onCancel={() => setLosing(null)} />
      </form>
    </dialog>
  );
}
