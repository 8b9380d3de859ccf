import { isAbsolute, resolve } from 'node:path';

/** Everything the server needs to know from its host, validated once at start-up. */
export type ServerConfig = {
  /** Interface to listen on; loopback unless the host opens it up. */
  host: string;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Absolute directory holding every note's metadata and document. */
  dataDir: string;
  /** Absolute directory of the built web app, or null to serve the API alone. */
  webRoot: string | null;
  /** pino log level. */
  logLevel: LogLevel;
  /** What one sync connection may send and leave unread. */
  sync: SyncConfig;
  /** Bearer token that opens `/metrics` to remote scrapers; without it only loopback may read them. */
  metricsToken: string | null;
  /** The address people use to reach Plume (PUBLIC_URL); https makes cookies Secure. Null: as requested. */
  publicUrl: URL | null;
  /** Further origins allowed to use the app and its sync endpoint (ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** Which proxies may tell the client's address (TRUST_PROXY, Express syntax); false trusts none. */
  trustProxy: string | number | false;
  /** How notes are printed. */
  print: PrintConfig;
  /** Chromium that renders PDF packs (CHROMIUM_PATH, default /usr/bin/chromium); a missing binary makes packs answer 503, not the start fail. */
  chromiumPath: string;
};

/** What every printed page carries. */
export type PrintConfig = {
  /** The marking printed on every page but a pack's cover (PRINT_MARKING, default "Confidentiel — ne pas diffuser"). */
  marking: string;
};

/** Longest print marking, in characters: it has to fit in a page footer. */
export const PRINT_MARKING_MAX_LENGTH = 120;

/** Limits of the sync endpoint, per connection. */
export type SyncConfig = {
  /** Largest WebSocket message, in bytes (MAX_MESSAGE_BYTES, default 4 MiB). */
  maxMessageBytes: number;
  /** Sustained messages per second (MESSAGES_PER_SECOND, default 100); twice as many may come in a burst. */
  messagesPerSecond: number;
  /** Bytes queued for a client that does not read before it is dropped (MAX_BUFFERED_BYTES, default 16 MiB). */
  maxBufferedBytes: number;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

/** Defaults that depend on where Plume is installed, supplied by the composition root. */
export type ConfigDefaults = { dataDir: string; webRoot: string | null };

/** Thrown when the environment holds a value the server cannot run with; the message names it. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the server's configuration from environment variables. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, defaults: ConfigDefaults): ServerConfig {
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: parsePort(env.PORT),
    dataDir: resolve(env.DATA_DIR?.trim() || defaults.dataDir),
    webRoot: parseWebRoot(env.WEB_ROOT, defaults.webRoot),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    sync: {
      maxMessageBytes: parsePositiveInteger('MAX_MESSAGE_BYTES', env.MAX_MESSAGE_BYTES, 4 * 1024 * 1024),
      messagesPerSecond: parsePositiveInteger('MESSAGES_PER_SECOND', env.MESSAGES_PER_SECOND, 100),
      maxBufferedBytes: parsePositiveInteger('MAX_BUFFERED_BYTES', env.MAX_BUFFERED_BYTES, 16 * 1024 * 1024),
    },
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    allowedOrigins: parseAllowedOrigins(env.ALLOWED_ORIGINS),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    print: { marking: parsePrintMarking(env.PRINT_MARKING) },
    chromiumPath: parseChromiumPath(env.CHROMIUM_PATH),
  };
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number <= 0)
    throw new ConfigError(`${name} must be a positive integer, got "${value}".`);
  return number;
}

function parseMetricsToken(value: string | undefined): string | null {
  const token = value?.trim();
  if (!token) return null;
  if (token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters long.');
  return token;
}

function parsePublicUrl(value: string | undefined): URL | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (error) {
    if (error instanceof TypeError)
      throw new ConfigError(`PUBLIC_URL must be a URL such as https://notes.example.org, got "${value}".`);
    throw error;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError('PUBLIC_URL must start with https:// or http://.');
  return url;
}

function parseAllowedOrigins(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.map((entry) => {
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch (error) {
      if (error instanceof TypeError)
        throw new ConfigError(
          `ALLOWED_ORIGINS holds "${entry}", which is not an origin such as https://notes.example.org.`,
        );
      throw error;
    }
    if (origin === 'null' || origin !== entry.replace(/\/$/, '')) {
      throw new ConfigError(
        `ALLOWED_ORIGINS holds "${entry}"; give scheme, host and port only, such as https://notes.example.org.`,
      );
    }
    return origin;
  });
}

function parseTrustProxy(value: string | undefined): string | number | false {
  const trimmed = value?.trim();
  if (!trimmed || trimmed === 'false') return false;
  // "true" would believe any X-Forwarded-For, letting anyone choose the address rate limits see.
  if (trimmed === 'true')
    throw new ConfigError('TRUST_PROXY=true trusts every client; name the proxy instead (e.g. "loopback" or "1").');
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function parsePrintMarking(value: string | undefined): string {
  const marking = value?.replace(/\s+/g, ' ').trim();
  if (!marking) return 'Confidentiel — ne pas diffuser';
  if ([...marking].length > PRINT_MARKING_MAX_LENGTH)
    throw new ConfigError(`PRINT_MARKING must be at most ${PRINT_MARKING_MAX_LENGTH} characters long.`);
  if (/[\p{Cc}\p{Cf}]/u.test(marking)) throw new ConfigError('PRINT_MARKING must not hold control characters.');
  return marking;
}

function parseChromiumPath(value: string | undefined): string {
  const trimmed = value?.trim();
  if (!trimmed) return '/usr/bin/chromium';
  if (!isAbsolute(trimmed)) throw new ConfigError(`CHROMIUM_PATH must be an absolute path, got "${value}".`);
  return trimmed;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${value}".`);
  }
  return port;
}

function parseWebRoot(value: string | undefined, fallback: string | null): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return fallback;
  if (!isAbsolute(trimmed)) throw new ConfigError(`WEB_ROOT must be an absolute path, got "${value}".`);
  return trimmed;
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = value?.trim() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
  }
  return level as LogLevel;
}
