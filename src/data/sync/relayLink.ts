import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { toBase64Url, type WorkspaceKeys } from '../../sync/peer/crypto';
import { DOCUMENTS_COLLECTION } from '../../sync/entities';
import { META_DOC } from '../../sync/documentNames';
import type { WorkspaceDocs } from '../../sync/workspaceDocs';

// The workspace's documents kept in step with a relay (scripts/relay.mjs, Hocuspocus): one WebSocket, one provider
// per document. Hocuspocus names documents, so every name is `<room>/<document>` with the room derived from the
// workspace secret; the relay checks the token against the room and needs no accounts.

export type RelayState = 'off' | 'connecting' | 'online' | 'offline';

export interface RelayCredentials {
  /** Proves the secret to the relay; sent only to it. */
  token: string;
  /** The hex SHA-256 of the token: the relay can check a token against it, but not derive one. */
  room: string;
}

const utf8 = new TextEncoder();

/**
 * The relay token is an HMAC under the workspace's proof key of a fixed text. Proofs to peers MAC a challenge, a
 * zero byte and a peer id, and this text has no zero byte, so no peer can make a device sign it.
 */
export async function relayCredentials(keys: WorkspaceKeys): Promise<RelayCredentials> {
  const token = toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', keys.proof, utf8.encode('rapport/v1/relay-token'))));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(token)));
  return { token, room: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') };
}

export interface RelayLinkOptions {
  url: string;
  credentials: RelayCredentials;
  docs: WorkspaceDocs;
  onChange: () => void;
  /** Node tests pass the `ws` package's WebSocket. */
  WebSocketPolyfill?: unknown;
}

export class RelayLink {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly providers = new Map<string, HocuspocusProvider>();
  private readonly cleanups: (() => void)[] = [];
  private connected = false;
  private everConnected = false;
  private refused = false;
  private closed = false;

  constructor(private readonly options: RelayLinkOptions) {
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      onConnect: () => {
        this.connected = this.everConnected = true;
        options.onChange();
      },
      onDisconnect: () => {
        this.connected = false;
        options.onChange();
      },
    });
  }

  async start(): Promise<void> {
    const { docs } = this.options;
    this.cleanups.push(docs.onOpened(({ name, doc }) => this.attach(name, doc)));
    const meta = await docs.open(META_DOC);
    // A shard another device created arrives as a name in meta: open it, so its records come from the relay too.
    const shards = meta.getMap<true>(DOCUMENTS_COLLECTION);
    const openNew = () => void Promise.all([...shards.keys()].filter((name) => !this.providers.has(name)).map((name) => docs.open(name)));
    shards.observe(openNew);
    this.cleanups.push(() => shards.unobserve(openNew));
    for (const name of await docs.knownNames()) this.attach(name, await docs.open(name));
  }

  state(): RelayState {
    if (this.closed) return 'off';
    if (this.connected && !this.refused) return 'online';
    return this.everConnected || this.refused ? 'offline' : 'connecting';
  }

  /** Every attached document has been exchanged with the relay and nothing made here waits to be sent. */
  synced(): boolean {
    return this.connected && this.providers.size > 0 && [...this.providers.values()].every((provider) => provider.isSynced && !provider.hasUnsyncedChanges);
  }

  isRelayOrigin(origin: unknown): boolean {
    return origin instanceof HocuspocusProvider && [...this.providers.values()].includes(origin);
  }

  close(): void {
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const provider of this.providers.values()) provider.destroy();
    this.providers.clear();
    this.socket.destroy();
  }

  private attach(name: string, doc: Y.Doc): void {
    if (this.closed || this.providers.get(name)?.document === doc) return;
    this.providers.get(name)?.destroy();
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: `${this.options.credentials.room}/${name}`,
      document: doc,
      token: this.options.credentials.token,
      // The provider marks itself synced after its listeners run.
      onSynced: () => setTimeout(this.options.onChange, 0),
      onAuthenticationFailed: () => {
        this.refused = true;
        this.options.onChange();
      },
    });
    provider.attach();
    this.providers.set(name, provider);
    // A released document (an old quarter leaving memory) stops syncing until it is opened again.
    doc.once('destroy', () => {
      if (this.providers.get(name) !== provider) return;
      this.providers.delete(name);
      provider.destroy();
    });
  }
}
