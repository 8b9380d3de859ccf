import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '@plume/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { createJsonlAuditLog } from './jsonl-audit-log.ts';

const directories: string[] = [];
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});
async function createPath(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-audit-'));
  directories.push(directory);
  return join(directory, 'audit.log');
}

const entry = (index: number, noteId: string | null): AuditEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString(),
  action: 'note.opened',
  actor: 'u1',
  actorName: 'a@plume.test',
  noteId,
  detail: { index },
  ip: '127.0.0.1',
});

describe('the JSON-lines audit log', () => {
  it('reads back the newest entries first, filtered by note', async () => {
    const log = createJsonlAuditLog(await createPath());
    for (let index = 0; index < 50; index++) await log.append(entry(index, index % 2 === 0 ? 'even' : 'odd'));
    const newest = await log.read({ noteId: 'even', limit: 3 });
    expect(newest.map((found) => found.detail.index)).toEqual([48, 46, 44]);
    expect(await log.read({ limit: 100 })).toHaveLength(50);
  });

  it('skips a line cut short by a crash and reads the rest', async () => {
    const path = await createPath();
    const log = createJsonlAuditLog(path);
    await log.append(entry(1, 'n'));
    await appendFile(path, '{"at":"2026-01-01T00:00:0');
    await appendFile(path, '\n');
    await log.append(entry(2, 'n'));
    expect((await log.read({ limit: 10 })).map((found) => found.detail.index)).toEqual([2, 1]);
  });

  it('reads an empty log before the first entry', async () => {
    expect(await createJsonlAuditLog(await createPath()).read({ limit: 10 })).toEqual([]);
  });
});
