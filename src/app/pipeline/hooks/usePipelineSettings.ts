import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_PIPELINE, type PipelineStage } from '../../../domain/pipeline';
import type { WorkspaceSettings } from '../../../sync/settings';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface PipelineSettings {
  stages: PipelineStage[];
  currency: string;
}

/** The team's stages and currency, as the leader last projected them; undefined while loading. */
export function usePipelineSettings(): PipelineSettings | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const settings = (await db.device.get('settings'))?.value as Partial<WorkspaceSettings> | undefined;
    // A read model written before pipelines existed has no stages until its leader starts again.
    return { stages: settings?.pipeline ?? [...DEFAULT_PIPELINE], currency: settings?.currency ?? 'USD' };
  }, [db]);
}
