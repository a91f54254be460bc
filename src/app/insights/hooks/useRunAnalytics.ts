import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../data/api/context';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** Runs analytics on the leader (wherever it is) and follows its progress in this tab. */
export function useRunAnalytics() {
  const client = useWorkspace();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => client.on('progress', (next) => next.task.startsWith('analytics:') && setProgress(next)), [client]);

  const handleRun = async () => {
    setError(null);
    setRunning(true);
    try {
      await client.call('runAnalytics');
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      if (!/cancelled/i.test(message)) setError(message);
    } finally {
      setRunning(false);
      setProgress(null);
    }
  };
  const handleCancel = () => void client.call('cancelAnalytics');
  return { running, progress, error, handleRun, handleCancel };
}
