// Host process for Hocuspocus, with its Database extension storing each document's state as one
// file: the persistence its docs show first, and one that needs no native module.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import { hostDataDir, runHost } from './host-runtime.ts';

const dataDir = hostDataDir();
const fileOf = (documentName: string) => join(dataDir, `${encodeURIComponent(documentName)}.bin`);

await runHost(async () => {
  const server = new Server({
    address: '127.0.0.1',
    port: 0,
    quiet: true,
    stopOnSignals: false,
    extensions: [
      new Database({
        async fetch({ documentName }) {
          try {
            return new Uint8Array(await readFile(fileOf(documentName)));
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
            throw error;
          }
        },
        async store({ documentName, state }) {
          await writeFile(fileOf(documentName), state);
        },
      }),
    ],
  });
  await server.listen();
  // destroy() closes connections and runs every pending store before it resolves.
  return { port: server.address.port, stop: () => server.destroy() };
});
