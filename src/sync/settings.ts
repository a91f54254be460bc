import type * as Y from 'yjs';
import type { Region } from '../domain/normalise';
import { DEFAULT_PIPELINE, isDefaultStage, sortStages, type PipelineStage } from '../domain/pipeline';
import type { SavedView } from '../domain/views';
import { SETTINGS_COLLECTION } from './entities';
import { readViews } from './savedViews';

/** Workspace-wide settings, kept in the meta document so every device reads phones and money the same way. */
export interface WorkspaceSettings {
  /** The country a phone number without a country code is read in. */
  defaultRegion: Region;
  /** The currency of new purchases and deals. */
  currency: string;
  schemaVersion: number;
  /** The open stages of the sales pipeline, in board order (won and lost are fixed). */
  pipeline: PipelineStage[];
  /** The members' saved list views (read only here: the views API writes them one field at a time). */
  views: SavedView[];
}

export const SCHEMA_VERSION = 1;

export function readSettings(meta: Y.Doc): WorkspaceSettings {
  const map = meta.getMap<unknown>(SETTINGS_COLLECTION);
  const region = map.get('defaultRegion');
  const currency = map.get('currency');
  return {
    defaultRegion: typeof region === 'string' && /^[A-Z]{2}$/.test(region) ? (region as Region) : 'US',
    currency: typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD',
    schemaVersion: typeof map.get('schemaVersion') === 'number' ? (map.get('schemaVersion') as number) : SCHEMA_VERSION,
    pipeline: readPipeline(map),
    views: readViews(map),
  };
}

export function writeSettings(meta: Y.Doc, settings: Partial<WorkspaceSettings>, origin: unknown): void {
  const map = meta.getMap<unknown>(SETTINGS_COLLECTION);
  meta.transact(() => {
    for (const [key, value] of Object.entries(settings)) {
      if (key === 'views') continue;
      if (key === 'pipeline') writePipeline(map, value as PipelineStage[]);
      else if (map.get(key) !== value) map.set(key, value);
    }
  }, origin);
}

// Each field of each stage is its own settings key (`pipeline.<stage id>.<field>`), so two people editing different
// stages, or different fields of one stage, both win, and a stage is never a map two devices could create at once.
// The default stages need no keys until someone changes them; a removed stage keeps its keys, marked removed.
const STAGE_KEY = /^pipeline\.(.+)\.(name|probability|order|removed)$/;
type StageField = 'name' | 'probability' | 'order' | 'removed';
const stageKey = (id: string, field: StageField) => `pipeline.${id}.${field}`;

function readPipeline(map: Y.Map<unknown>): PipelineStage[] {
  const stages = new Map<string, PipelineStage & { removed: boolean }>(DEFAULT_PIPELINE.map((stage) => [stage.id, { ...stage, removed: false }]));
  for (const [key, value] of map.entries()) {
    const match = STAGE_KEY.exec(key);
    if (!match) continue;
    const [, id = '', field] = match;
    const stage = stages.get(id) ?? { id, name: '', probability: 0, order: Number.MAX_SAFE_INTEGER, removed: false };
    stages.set(id, stage);
    if (field === 'name' && typeof value === 'string') stage.name = value;
    else if (field === 'probability' && typeof value === 'number' && value >= 0 && value <= 1) stage.probability = value;
    else if (field === 'order' && typeof value === 'number' && Number.isFinite(value)) stage.order = value;
    else if (field === 'removed') stage.removed = value === true;
  }
  // A stage with no name of its own is shown by its default name, which only the default stages have.
  const open = [...stages.values()].filter((stage) => !stage.removed && (stage.name !== '' || isDefaultStage(stage.id)));
  return sortStages(open.map(({ id, name, probability, order }) => ({ id, name, probability, order })));
}

/** Writes only the keys whose value changes, so an untouched stage never overrides a peer's concurrent edit. */
function writePipeline(map: Y.Map<unknown>, wanted: readonly PipelineStage[]): void {
  const current = new Map(readPipeline(map).map((stage) => [stage.id, stage]));
  const set = (id: string, field: StageField, value: unknown, before: unknown) => {
    if (value !== before) map.set(stageKey(id, field), value);
  };
  wanted.forEach((stage, order) => {
    const before = current.get(stage.id);
    set(stage.id, 'name', stage.name.trim(), before?.name);
    set(stage.id, 'probability', stage.probability, before?.probability);
    set(stage.id, 'order', order, before?.order);
    if (!before && map.get(stageKey(stage.id, 'removed')) === true) map.set(stageKey(stage.id, 'removed'), false);
    current.delete(stage.id);
  });
  for (const id of current.keys()) map.set(stageKey(id, 'removed'), true);
}
