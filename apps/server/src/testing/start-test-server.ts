import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, type ServerConfig, type SyncConfig } from '../config.ts';
import { type PlumeServer, type PlumeServerHooks, startPlumeServer } from '../plume-server.ts';

/** An account made for a test, signed in: `cookie` is the `Cookie` header its session sends. */
export type TestAccount = { id: string; email: string; name: string; password: string; cookie: string };

/** A Plume server for tests: loopback, port 0, its own data directory unless one is given. */
export type TestServer = PlumeServer & {
  readonly dataDir: string;
  /** An admin account created at start, signed in. */
  readonly admin: TestAccount;
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
  trustProxy?: ServerConfig['trustProxy'];
  /** False starts with no account at all, as a fresh install does. */
  withAdmin?: boolean;
  /** Chromium that renders PDF packs; a path where none is installed makes packs answer 503. */
  chromiumPath?: string;
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
    publicUrl: null,
    allowedOrigins: [],
    trustProxy: options.trustProxy ?? false,
    print: loadConfig({}, { dataDir, webRoot: null }).print,
    chromiumPath: options.chromiumPath ?? loadConfig({}, { dataDir, webRoot: null }).chromiumPath,
  };
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await startPlumeServer(config, logger, options);
  const admin =
    options.withAdmin === false
      ? null
      : await createTestAccount(server, { email: 'admin@plume.test', name: 'Admin Test', isAdmin: true });
  return {
    ...server,
    get admin() {
      if (!admin) throw new Error('this test server was started without an admin');
      return admin;
    },
    get setupUrl() {
      return server.setupUrl;
    },
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws'),
    async dispose() {
      await server.close();
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates an account with a password (or finds the existing one) and signs it in through the API. */
export async function createTestAccount(
  server: Pick<PlumeServer, 'url' | 'auth'>,
  options: { email?: string; name?: string; password?: string; isAdmin?: boolean } = {},
): Promise<TestAccount> {
  const email = options.email ?? `person-${Math.random().toString(36).slice(2, 10)}@plume.test`;
  const name = options.name ?? 'Personne Test';
  const password = options.password ?? 'correct horse battery staple';
  const existing = server.auth.accounts.findActiveByEmail(email);
  const id =
    existing?.id ??
    (await server.auth.accounts.create({ email, name, isAdmin: options.isAdmin ?? false, password })).user.id;
  const cookie = await signInTestAccount(server, email, password);
  return { id, email, name, password, cookie };
}

/** Signs in through `POST /api/session` and returns the `Cookie` header of the new session. */
export async function signInTestAccount(
  server: Pick<PlumeServer, 'url'>,
  email: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`signing in answered ${response.status}: ${await response.text()}`);
  return sessionCookieOf(response);
}

/** The `Cookie` header a browser would send after this response set the session cookie. */
export function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((header) => header.includes('plume_session='));
  if (!setCookie) throw new Error('the response set no session cookie');
  return setCookie.split(';')[0] as string;
}

/** Creates a note through the JSON API as the server's test admin (or `cookie`'s account) and returns its id. */
export async function createTestNote(
  server: Pick<TestServer, 'url'> & { admin?: TestAccount },
  title = 'Note de test',
  cookie = server.admin?.cookie,
): Promise<string> {
  const response = await fetch(`${server.url}/api/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`creating a note answered ${response.status}: ${await response.text()}`);
  const note = (await response.json()) as { id: string };
  return note.id;
}

/** Gives the account with `email` a role on a note through the API, as the test admin or `byCookie`'s account. */
export async function addTestMember(
  server: Pick<TestServer, 'url' | 'admin'>,
  noteId: string,
  email: string,
  role: 'editor' | 'commenter' | 'viewer',
  byCookie = server.admin.cookie,
): Promise<void> {
  const response = await fetch(`${server.url}/api/notes/${noteId}/members`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: byCookie },
    body: JSON.stringify({ email, role }),
  });
  if (response.status !== 200) throw new Error(`sharing a note answered ${response.status}: ${await response.text()}`);
}

/** A share link made through the API, and the cookie of a fresh browser session that redeemed it. */
export type TestShareLink = { linkId: string; token: string; url: string; cookie: string };

/** Creates a share link on a note as the test admin (or `ownerCookie`'s account) and redeems it in a new session. */
export async function createTestShareLink(
  server: Pick<TestServer, 'url' | 'admin'>,
  noteId: string,
  role: 'editor' | 'viewer',
  ownerCookie = server.admin.cookie,
): Promise<TestShareLink> {
  const created = await fetch(`${server.url}/api/notes/${noteId}/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: ownerCookie },
    body: JSON.stringify({ role }),
  });
  if (created.status !== 201) throw new Error(`creating a link answered ${created.status}: ${await created.text()}`);
  const { link, url } = (await created.json()) as { link: { id: string }; url: string };
  const token = new URL(url).hash.slice(1);
  const redeemed = await fetch(`${server.url}/api/share-links/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (redeemed.status !== 200)
    throw new Error(`redeeming a link answered ${redeemed.status}: ${await redeemed.text()}`);
  return { linkId: link.id, token, url, cookie: sessionCookieOf(redeemed) };
}
