import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AccessStore,
  type AuthorshipStore,
  createJsonlAuditLog,
  createLeveldbAuthorshipStore,
  createLeveldbDocumentStore,
  createLeveldbVersionStore,
  createLowdbAccessStore,
  createLowdbMetadataStore,
  type DocumentStore,
  type MetadataStore,
  type VersionStore,
} from '@plume/storage';
import type { Logger } from 'pino';
import { type Auth, createAuth } from './auth/create-auth.ts';
import type { ServerConfig } from './config.ts';

/** Name of the CLI's control socket inside the data directory. */
export const CONTROL_SOCKET_NAME = 'control.sock';

/** Everything Plume keeps under DATA_DIR, opened together; `close` writes out and releases the lock. */
export type PlumeStores = {
  readonly documents: DocumentStore;
  readonly notes: MetadataStore;
  readonly versions: VersionStore;
  /** Who wrote what in each note, beside the documents. */
  readonly authorship: AuthorshipStore;
  readonly access: AccessStore;
  readonly auth: Auth;
  close(): Promise<void>;
};

/**
 * Opens the data directory: the document store first, whose exclusive lock stops a second
 * process (server or CLI) before it could touch the metadata files.
 */
export async function openPlumeStores(
  config: Pick<ServerConfig, 'dataDir'>,
  logger: Logger,
  wrapDocumentStore: (store: DocumentStore) => DocumentStore = (store) => store,
): Promise<PlumeStores> {
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  // Accounts and notes live here: nobody but the server's user should read them.
  await chmod(config.dataDir, 0o700);
  const documents = wrapDocumentStore(await createLeveldbDocumentStore(join(config.dataDir, 'documents')));
  let notes: MetadataStore;
  let access: AccessStore;
  let versions: VersionStore;
  try {
    versions = await createLeveldbVersionStore(join(config.dataDir, 'versions'));
  } catch (error) {
    await documents.close();
    throw error;
  }
  let authorship: AuthorshipStore;
  try {
    authorship = await createLeveldbAuthorshipStore(join(config.dataDir, 'authorship'));
  } catch (error) {
    await Promise.all([documents.close(), versions.close()]);
    throw error;
  }
  try {
    notes = await createLowdbMetadataStore(join(config.dataDir, 'metadata.json'));
    access = await createLowdbAccessStore(join(config.dataDir, 'access.json'));
  } catch (error) {
    await Promise.all([documents.close(), versions.close(), authorship.close()]);
    throw error;
  }
  const auth = createAuth({
    store: access,
    notes,
    auditLog: createJsonlAuditLog(join(config.dataDir, 'audit.log')),
    logger: logger.child({ component: 'auth' }),
  });
  return {
    documents,
    notes,
    versions,
    authorship,
    access,
    auth,
    async close() {
      await auth.close();
      await Promise.all([documents.close(), versions.close(), authorship.close(), notes.close(), access.close()]);
    },
  };
}
