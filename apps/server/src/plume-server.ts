import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDocumentRules } from '@plume/editor-schema';
import { TOKEN_PAGE } from '@plume/protocol';
import type { DocumentStore, MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';
import type { Auth } from './auth/create-auth.ts';
import { listenOnControlSocket } from './cli/control-socket.ts';
import type { ServerConfig } from './config.ts';
import { createApp } from './http/create-app.ts';
import { createOriginPolicy } from './http/origin-policy.ts';
import { createCookiePolicy } from './http/session-cookie.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createNoteActivity } from './note-activity.ts';
import { createChromiumRenderer, type PdfRenderer } from './pdf/chromium-renderer.ts';
import { CONTROL_SOCKET_NAME, openPlumeStores } from './plume-stores.ts';
import { printFontFiles } from './print/index.ts';
import { attachCollabEndpoint } from './sync/collab-endpoint.ts';
import { createRoomRegistry, type RoomRegistry } from './sync/room-registry.ts';
import { createNoteVersions, type NoteVersions } from './versions/note-versions.ts';
import { createWorkspace, type Workspace } from './workspace/create-workspace.ts';
import { createWorkspaceEvents } from './workspace/workspace-events.ts';
import { createWorkspaceSeed } from './workspace/workspace-seed.ts';

/** A running Plume server. */
export type PlumeServer = {
  /** The port it listens on (useful when configured with port 0). */
  readonly port: number;
  /** Its HTTP origin, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly rooms: RoomRegistry;
  readonly notes: MetadataStore;
  readonly workspace: Workspace;
  readonly auth: Auth;
  readonly metrics: Metrics;
  /** The link that creates the first admin, while there is none; null once there is. */
  readonly setupUrl: string | null;
  /** Closes connections, writes out every document and releases the data directory. */
  close(): Promise<void>;
};

/** Most distinct authors one update may carry: far more than any honest client's catch-up. */
const MAX_CLIENTS_PER_UPDATE = 1_000;

/** Seams for tests that need to see the server meet a failing disk. */
export type PlumeServerHooks = {
  /** Wraps the document store the server opened, before anything uses it. */
  wrapDocumentStore?(store: DocumentStore): DocumentStore;
};

/** Opens the stores under `config.dataDir` and starts serving HTTP and WebSocket on one port. */
export async function startPlumeServer(
  config: ServerConfig,
  logger: Logger,
  hooks: PlumeServerHooks = {},
): Promise<PlumeServer> {
  const stores = await openPlumeStores(config, logger, hooks.wrapDocumentStore);
  const { documents, notes, auth } = stores;
  await notes.seedOnce(createWorkspaceSeed(new Date()));
  const origins = createOriginPolicy(config.publicUrl, config.allowedOrigins);
  const cookie = createCookiePolicy(config.publicUrl);

  const metrics = createMetrics();
  const activity = createNoteActivity(notes, logger.child({ component: 'activity' }));
  const events = createWorkspaceEvents();
  // The rooms tell the workspace of changes, and the workspace reads the rooms: bound once both exist.
  let boundWorkspace: Workspace | null = null;
  let boundVersions: NoteVersions | null = null;
  const rooms = createRoomRegistry({
    store: documents,
    authorshipStore: stores.authorship,
    logger: logger.child({ component: 'rooms' }),
    metrics,
    onDocumentChange: (noteId) => {
      activity.noteChanged(noteId);
      boundWorkspace?.indexer.contentChanged(noteId);
      events.notesChanged(noteId);
      boundVersions?.documentChanged(noteId);
    },
    onPresenceChange: (noteId) => events.notesChanged(noteId),
    onUnload: (noteId, doc) => boundVersions?.roomUnloading(noteId, doc),
  });
  const versions = createNoteVersions({
    store: stores.versions,
    rooms,
    documents,
    authorship: stores.authorship,
    logger: logger.child({ component: 'versions' }),
    onVersionsChange: (noteId) => events.notesChanged(noteId),
  });
  boundVersions = versions;
  const workspace = createWorkspace({ notes, documents, rooms, auth, events, versions, logger });
  boundWorkspace = workspace;
  // Made on the first pack, so a server that never prints never starts Chromium.
  let pdfRenderer: PdfRenderer | null = null;
  const app = createApp({
    workspace,
    rooms,
    auth,
    dataDir: config.dataDir,
    webRoot: config.webRoot,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    origins,
    cookie,
    hasFailingWrites: () => rooms.hasFailingWrites,
    metrics: { registry: metrics.registry, token: config.metricsToken },
    print: config.print,
    pdfRenderer: () => {
      pdfRenderer ??= createChromiumRenderer({
        executablePath: config.chromiumPath,
        files: printFontFiles(),
        logger: logger.child({ component: 'pdf' }),
      });
      return pdfRenderer;
    },
    logger: logger.child({ component: 'http' }),
  });
  const server = createServer(app);
  const collab = attachCollabEndpoint({
    server,
    rooms,
    auth,
    origins,
    cookie,
    policy: { rules: createDocumentRules(), maxClientsPerUpdate: MAX_CLIENTS_PER_UPDATE },
    maxMessageBytes: config.sync.maxMessageBytes,
    limits: {
      maxMessageBytes: config.sync.maxMessageBytes,
      messagesPerSecond: config.sync.messagesPerSecond,
      messageBurst: 2 * config.sync.messagesPerSecond,
      maxBufferedBytes: config.sync.maxBufferedBytes,
    },
    metrics,
    logger: logger.child({ component: 'collab' }),
    onAccountEdit: (noteId, userId) => {
      workspace.contributors.edited(noteId, userId);
      versions.edited(noteId, userId);
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const control = await listenOnControlSocket({
    path: join(config.dataDir, CONTROL_SOCKET_NAME),
    context: { auth, notes, origin: config.publicUrl?.origin ?? url },
    logger: logger.child({ component: 'control' }),
  });

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await collab.close();
    await rooms.closeAll();
    // After the rooms: each unloaded room hands its unfinished burst over to be frozen.
    await versions.close();
    await workspace.close();
    await pdfRenderer?.close();
    // Ending the change feeds left their sockets idle.
    server.closeIdleConnections();
    await control.close();
    await activity.flush();
    await stores.close();
    await closed;
  }

  return {
    port,
    url,
    rooms,
    notes,
    workspace,
    auth,
    metrics,
    get setupUrl() {
      const token = auth.accounts.setupToken;
      return token && `${config.publicUrl?.origin ?? url}${TOKEN_PAGE.setup}#${token}`;
    },
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
