import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const defaults = { dataDir: '/srv/plume/data', webRoot: '/srv/plume/web' };

describe('loadConfig', () => {
  it('uses documented defaults when nothing is set', () => {
    expect(loadConfig({}, defaults)).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/plume/data',
      webRoot: '/srv/plume/web',
      logLevel: 'info',
      sync: { maxMessageBytes: 4 * 1024 * 1024, messagesPerSecond: 100, maxBufferedBytes: 16 * 1024 * 1024 },
      metricsToken: null,
      publicUrl: null,
      allowedOrigins: [],
      trustProxy: false,
      print: { marking: 'Confidentiel — ne pas diffuser' },
      chromiumPath: '/usr/bin/chromium',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        HOST: '0.0.0.0',
        PORT: '8080',
        DATA_DIR: '/var/lib/plume',
        WEB_ROOT: '/opt/web',
        LOG_LEVEL: 'warn',
        MAX_MESSAGE_BYTES: '1048576',
        MESSAGES_PER_SECOND: '50',
        MAX_BUFFERED_BYTES: '2097152',
        METRICS_TOKEN: 'a-long-enough-metrics-token',
        PUBLIC_URL: 'https://notes.example.org',
        ALLOWED_ORIGINS: 'https://app.example.org, http://localhost:5173',
        TRUST_PROXY: 'loopback',
        PRINT_MARKING: '  Diffusion   restreinte ',
        CHROMIUM_PATH: '/opt/chromium/chrome',
      },
      defaults,
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/plume',
      webRoot: '/opt/web',
      logLevel: 'warn',
      sync: { maxMessageBytes: 1_048_576, messagesPerSecond: 50, maxBufferedBytes: 2_097_152 },
      metricsToken: 'a-long-enough-metrics-token',
      publicUrl: new URL('https://notes.example.org'),
      allowedOrigins: ['https://app.example.org', 'http://localhost:5173'],
      trustProxy: 'loopback',
      print: { marking: 'Diffusion restreinte' },
      chromiumPath: '/opt/chromium/chrome',
    });
  });

  it.each([
    [{ PORT: 'http' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '3000.5' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ WEB_ROOT: 'relative/dir' }, /WEB_ROOT/],
    [{ MAX_MESSAGE_BYTES: '0' }, /MAX_MESSAGE_BYTES/],
    [{ MESSAGES_PER_SECOND: 'many' }, /MESSAGES_PER_SECOND/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN/],
    [{ PUBLIC_URL: 'notes.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'ftp://notes.example.org' }, /PUBLIC_URL/],
    [{ ALLOWED_ORIGINS: 'https://app.example.org/path' }, /ALLOWED_ORIGINS/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY/],
    [{ PRINT_MARKING: 'x'.repeat(121) }, /PRINT_MARKING/],
    [{ CHROMIUM_PATH: 'chromium' }, /CHROMIUM_PATH/],
    [{ PRINT_MARKING: 'Secret\u0007' }, /PRINT_MARKING/],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
  });
});
