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
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      { HOST: '0.0.0.0', PORT: '8080', DATA_DIR: '/var/lib/plume', WEB_ROOT: '/opt/web', LOG_LEVEL: 'warn' },
      defaults,
    );
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/var/lib/plume',
      webRoot: '/opt/web',
      logLevel: 'warn',
    });
  });

  it.each([
    [{ PORT: 'http' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '3000.5' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ WEB_ROOT: 'relative/dir' }, /WEB_ROOT/],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(ConfigError);
    expect(() => loadConfig(env, defaults)).toThrow(message);
  });
});
