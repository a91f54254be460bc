import type { WorkspaceSettings } from '../../sync/settings';
import { loadDemoData } from '../demoLoader';
import type { LeaderContext } from './context';

/** Records, undo, demo data, diagnostics and settings: what every tab may ask of the leader. */
export function coreApi({ engine, actor, tabId, onProgress }: LeaderContext) {
  const commands = engine.commands(actor, tabId);
  return {
    createCustomer: (...args: Parameters<typeof commands.createCustomer>) => commands.createCustomer(...args),
    updateCustomer: (...args: Parameters<typeof commands.updateCustomer>) => commands.updateCustomer(...args),
    createRecord: (...args: Parameters<typeof commands.createRecord>) => commands.createRecord(...args),
    updateRecord: (...args: Parameters<typeof commands.updateRecord>) => commands.updateRecord(...args),
    deleteRecord: (...args: Parameters<typeof commands.deleteRecord>) => commands.deleteRecord(...args),
    restoreRecord: (...args: Parameters<typeof commands.restoreRecord>) => commands.restoreRecord(...args),
    editInteraction: (...args: Parameters<typeof commands.editInteraction>) => commands.editInteraction(...args),
    undo: () => commands.undo(),
    redo: () => commands.redo(),
    loadDemo: (customers: number, seed: number) =>
      loadDemoData(engine, actor, { seed, customers, now: Date.now() }, (progress) => onProgress({ task: 'demo', ...progress })),
    rebuildReadModel: () => engine.projection.rebuild(),
    diagnostics: async () => ({ documents: await engine.diagnostics(), skipped: engine.projection.skippedCount }),
    updateSettings: (settings: Partial<WorkspaceSettings>) => engine.updateSettings(settings, 'settings'),
  };
}
