import { usePipelineUi } from '../state/pipelineUi';

/** The live region that tells screen-reader users where a deal went. */
export function PipelineAnnouncer() {
  const announcement = usePipelineUi((state) => state.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="pipeline-announcer">
      {announcement && <p key={announcement.id}>{announcement.text}</p>}
    </div>
  );
}
