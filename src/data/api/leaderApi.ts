import type { WorkspaceEngine } from '../engine';
import type { WorkspaceIdentity } from '../tabs';
import type { LeaderContext } from './context';
import { analyticsApi } from './analyticsApi';
import { campaignApi } from './campaignApi';
import { coreApi } from './coreApi';
import { importApi } from './importApi';
import { pipelineApi } from './pipelineApi';
import { serviceApi } from './serviceApi';
import { syncApi } from './syncApi';
import { viewsApi } from './viewsApi';

// The leader's API is made of one module per feature, so each feature adds its calls here without touching the
// others. Arguments and results are plain data: they cross tabs by structured clone.

export type WorkspaceApi = ReturnType<typeof coreApi> & ReturnType<typeof importApi> & ReturnType<typeof syncApi> & ReturnType<typeof analyticsApi> & ReturnType<typeof pipelineApi> & ReturnType<typeof serviceApi> & ReturnType<typeof campaignApi> & ReturnType<typeof viewsApi>;
export type ApiMethod = keyof WorkspaceApi;

export function leaderApi(context: LeaderContext): WorkspaceApi {
  return { ...coreApi(context), ...importApi(context), ...syncApi(context), ...analyticsApi(context), ...pipelineApi(context), ...serviceApi(context), ...campaignApi(context), ...viewsApi(context) };
}

/**
 * Long-lived work of the leader (peer sync, background analytics): started with its engine, stopped with it. One
 * that sends changes away says when what it was given has left (`flushed`): the leader answers a command after that.
 */
export type LeaderService = (engine: WorkspaceEngine, identity: WorkspaceIdentity) => { stop: () => Promise<void> | void; flushed?: () => Promise<void> };
