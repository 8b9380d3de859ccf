import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, type ServerConfig, type SyncConfig } from '../config.ts';
import { type PlumeServer, type PlumeServerHooks, startPlumeServer } from '../plume-server.ts';

/** A Plume server for tests: loopback, port 0, its own data directory unless one is given. */
export type TestServer = PlumeServer & {
  readonly dataDir: string;
  /** The WebSocket origin matching `url`, e.g. `ws://127.0.0.1:41234`. */
  readonly wsUrl: string;
  /** Stops the server; removes the data directory too when the helper created it. */
  dispose(): Promise<void>;
};

/** What a test may set; everything else is the production default. */
export type TestServerOptions = PlumeServerHooks & {
  dataDir?: string;
  webRoot?: string | null;
  port?: number;
  sync?: Partial<SyncConfig>;
};

/** Starts a real server on loopback, on a free port unless one is given; `dispose` tears it down. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'plume-test-')));
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: options.port ?? 0,
    dataDir,
    webRoot: options.webRoot ?? null,
    logLevel: 'silent',
    sync: { ...loadConfig({}, { dataDir, webRoot: null }).sync, ...options.sync },
    metricsToken: null,
  };
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await startPlumeServer(config, logger, options);
  return {
    ...server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws'),
    async dispose() {
      await server.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a note through the JSON API and returns its id. */
export async function createTestNote(server: Pick<PlumeServer, 'url'>, title = 'Note de test'): Promise<string> {
  const response = await fetch(`${server.url}/api/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`creating a note answered ${response.status}: ${await response.text()}`);
  const note = (await response.json()) as { id: string };
  return note.id;
}
