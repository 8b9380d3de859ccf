// Host process for Plume: the real server with its production defaults (limits included), minus
// the web app and logs.
import { loadConfig, startPlumeServer } from '@plume/server';
import pino from 'pino';
import { PLUME_BENCH_ACCOUNT } from './bench-account.ts';
import { hostDataDir, runHost } from './host-runtime.ts';

await runHost(async () => {
  // loadConfig fills every setting the bench does not care about with the defaults `pnpm start` uses.
  const config = loadConfig(
    { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' },
    { dataDir: hostDataDir(), webRoot: null },
  );
  const server = await startPlumeServer(config, pino({ level: 'silent' }));
  // Plume opens nothing to anonymous clients: the bench signs in as this account.
  if (!server.auth.accounts.findActiveByEmail(PLUME_BENCH_ACCOUNT.email)) {
    await server.auth.accounts.create({ ...PLUME_BENCH_ACCOUNT, name: 'Bench', isAdmin: true });
  }
  // close() writes out every document and releases the LevelDB lock, so a restart finds it all.
  return { port: server.port, stop: () => server.close() };
});
