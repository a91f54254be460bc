import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../data/api/context';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** How far the leader has come undoing an import (or rolling one back), for the button that started it. */
export function useUndoProgress(): JobProgress | null {
  const client = useWorkspace();
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => client.on('progress', (next) => next.task === 'undoImport' && setProgress(next)), [client]);
  return progress;
}
