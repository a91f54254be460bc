import type * as Y from 'yjs';
import type { Region } from '../domain/normalise';
import { SETTINGS_COLLECTION } from './entities';

/** Workspace-wide settings, kept in the meta document so every device reads phones and money the same way. */
export interface WorkspaceSettings {
  /** The country a phone number without a country code is read in. */
  defaultRegion: Region;
  /** The currency of new purchases and deals. */
  currency: string;
  schemaVersion: number;
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
  };
}

export function writeSettings(meta: Y.Doc, settings: Partial<WorkspaceSettings>, origin: unknown): void {
  const map = meta.getMap<unknown>(SETTINGS_COLLECTION);
  meta.transact(() => {
    for (const [key, value] of Object.entries(settings)) if (map.get(key) !== value) map.set(key, value);
  }, origin);
}
