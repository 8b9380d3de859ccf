import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectTestClient,
  createTestNote,
  noteText,
  signInTestAccount,
  type TestClient,
  typeInNote,
} from '@plume/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type PlumeProcess, runPlumeCli, spawnPlume } from './plume-process.ts';

/** The server's documented bound between accepting an update and having it in the store. */
const DURABILITY_BOUND_MS = 100;

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOST = { email: 'hote@plume.test', password: 'un mot de passe de test' };

/** A fresh data directory whose first admin the host created with the CLI, before any server ran. */
async function dataDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-process-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  const created = await runPlumeCli(
    directory,
    ['user', 'add', HOST.email, '--name', 'Hôte', '--admin', '--password-stdin'],
    HOST.password,
  );
  expect(created.code, created.output).toBe(0);
  return directory;
}

function start(dataDir: string): PlumeProcess {
  const plume = spawnPlume(dataDir);
  cleanups.push(async () => {
    if (plume.child.exitCode === null && plume.child.signalCode === null) {
      plume.child.kill('SIGKILL');
      await plume.exited;
    }
  });
  return plume;
}

function connect(url: string, noteId: string, cookie: string, doc?: Y.Doc): TestClient {
  const client = connectTestClient(url.replace(/^http/, 'ws'), noteId, { doc, cookie });
  cleanups.push(() => client.destroy());
  return client;
}

describe('the Plume server process', () => {
  it('refuses to start a second server on the same data directory, saying why', async () => {
    const dataDir = await dataDirectory();
    await start(dataDir).ready;
    const second = await start(dataDir).exited;
    expect(second.code).toBe(75);
    expect(second.output).toContain('in use by another process');
  });

  it('keeps every update it accepted when it is killed with SIGKILL while clients type', async () => {
    const dataDir = await dataDirectory();
    const first = start(dataDir);
    const url = await first.ready;
    const cookie = await signInTestAccount({ url }, HOST.email, HOST.password);
    const noteId = await createTestNote({ url }, 'Sécurité', cookie);
    const alice = connect(url, noteId, cookie);
    const bob = connect(url, noteId, cookie);
    const witness = connect(url, noteId, cookie);
    await Promise.all([alice.synced(), bob.synced(), witness.synced()]);
    typeInNote(alice.doc, 0, '|');
    await expect.poll(() => noteText(bob.doc)).toBe('|');

    // The witness only reads: what it holds is what the server accepted, and when.
    const seen: { at: number; state: Uint8Array }[] = [];
    witness.doc.on('update', () => seen.push({ at: performance.now(), state: Y.encodeStateVector(witness.doc) }));

    let typed = 1;
    const typing = setInterval(() => {
      typeInNote(alice.doc, 0, 'a');
      typeInNote(bob.doc, 0, 'b');
      typed += 2;
    }, 5);
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 500));
    first.child.kill('SIGKILL');
    const killedAt = performance.now();
    await first.exited;
    clearInterval(typing);
    witness.destroy();

    const second = start(dataDir);
    const secondUrl = await second.ready;
    // The session was written before the sign-in answered: it survives the kill too.
    const reader = connect(secondUrl, noteId, cookie);
    await reader.synced();
    const stored = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
    const accepted = seen.filter(({ at }) => at <= killedAt - DURABILITY_BOUND_MS).at(-1);
    expect(accepted, 'the witness saw updates well before the kill').toBeDefined();
    for (const [client, clock] of Y.decodeStateVector(accepted?.state as Uint8Array)) {
      expect(stored.get(client) ?? 0, `client ${client}`).toBeGreaterThanOrEqual(clock);
    }

    // The writers reconnect with their documents and send what the server never received.
    alice.provider.destroy();
    bob.provider.destroy();
    const aliceAgain = connect(secondUrl, noteId, cookie, alice.doc);
    const bobAgain = connect(secondUrl, noteId, cookie, bob.doc);
    await Promise.all([aliceAgain.synced(), bobAgain.synced()]);
    await expect.poll(() => noteText(reader.doc).length).toBe(typed);
    // Each writer may still be receiving the other's last edits: wait for all three to agree.
    await expect.poll(() => noteText(aliceAgain.doc)).toBe(noteText(reader.doc));
    await expect.poll(() => noteText(bobAgain.doc)).toBe(noteText(reader.doc));
  });

  it('writes every note and exits cleanly on SIGTERM', async () => {
    const dataDir = await dataDirectory();
    const first = start(dataDir);
    const url = await first.ready;
    const cookie = await signInTestAccount({ url }, HOST.email, HOST.password);
    const noteId = await createTestNote({ url }, 'Note', cookie);
    const writer = connect(url, noteId, cookie);
    await writer.synced();
    typeInNote(writer.doc, 0, 'Envoyée au candidat');
    await expect.poll(async () => (await fetch(`${url}/healthz`)).status).toBe(200);

    first.child.kill('SIGTERM');
    const { code, output } = await first.exited;
    expect(code).toBe(0);
    expect(output).toContain('shutting down');

    const reader = connect(await start(dataDir).ready, noteId, cookie);
    await reader.synced();
    expect(noteText(reader.doc)).toBe('Envoyée au candidat');
  });
});
