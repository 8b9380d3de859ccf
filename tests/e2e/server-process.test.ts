import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectTestClient, createTestNote, noteText, type TestClient, typeInNote } from '@plume/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type PlumeProcess, spawnPlume } from './plume-process.ts';

/** The server's documented bound between accepting an update and having it in the store. */
const DURABILITY_BOUND_MS = 100;

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function dataDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-process-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
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

function connect(url: string, noteId: string): TestClient {
  const client = connectTestClient(url.replace(/^http/, 'ws'), noteId);
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

  it('keeps every update it accepted when it is killed with SIGKILL', async () => {
    const dataDir = await dataDirectory();
    const first = start(dataDir);
    const url = await first.ready;
    const noteId = await createTestNote({ url }, 'Sécurité');
    const writer = connect(url, noteId);
    const witness = connect(url, noteId);
    await Promise.all([writer.synced(), witness.synced()]);

    for (let i = 0; i < 200; i++) typeInNote(writer.doc, i, 'x');
    // The witness receives what the server accepted; past the bound it must be on disk.
    await expect.poll(() => noteText(witness.doc).length).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, DURABILITY_BOUND_MS));
    first.child.kill('SIGKILL');
    await first.exited;
    writer.destroy();
    witness.destroy();

    const second = start(dataDir);
    const reader = connect(await second.ready, noteId);
    await reader.synced();
    expect(noteText(reader.doc)).toBe('x'.repeat(200));
  });

  it('writes every note and exits cleanly on SIGTERM', async () => {
    const dataDir = await dataDirectory();
    const first = start(dataDir);
    const url = await first.ready;
    const noteId = await createTestNote({ url });
    const writer = connect(url, noteId);
    await writer.synced();
    typeInNote(writer.doc, 0, 'Envoyée au candidat');
    await expect.poll(async () => (await fetch(`${url}/healthz`)).status).toBe(200);

    first.child.kill('SIGTERM');
    const { code, output } = await first.exited;
    expect(code).toBe(0);
    expect(output).toContain('shutting down');

    const reader = connect(await start(dataDir).ready, noteId);
    await reader.synced();
    expect(noteText(reader.doc)).toBe('Envoyée au candidat');
  });
});
