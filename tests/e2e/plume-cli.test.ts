import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOSE_CODE } from '@plume/protocol';
import {
  connectTestClient,
  createTestNote,
  sessionCookieOf,
  signInTestAccount,
  type TestClient,
} from '@plume/server/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlumeCli, spawnPlume } from './plume-process.ts';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const HOST = { email: 'hote@plume.test', password: 'un mot de passe de test' };

describe('the plume CLI', () => {
  it('administers a stopped server’s data, then a running server through its control socket', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-cli-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    // Before the first start: the first admin, with a password from standard input.
    const added = await runPlumeCli(
      dataDir,
      ['user', 'add', HOST.email, '--name', 'Hôte', '--admin', '--password-stdin'],
      HOST.password,
    );
    expect(added).toMatchObject({ code: 0 });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    const mistake = await runPlumeCli(dataDir, ['user', 'add', 'pas-une-adresse']);
    expect(mistake.code).toBe(2);
    expect(mistake.output).toContain('Give a valid e-mail address.');

    const plume = spawnPlume(dataDir);
    cleanups.push(async () => {
      plume.child.kill('SIGTERM');
      await plume.exited;
    });
    const url = await plume.ready;
    const cookie = await signInTestAccount({ url }, HOST.email, HOST.password);
    const noteId = await createTestNote({ url }, 'Santé', cookie);

    // While it runs, the CLI acts inside it: a share link it prints opens the note…
    const created = await runPlumeCli(dataDir, ['link', 'create', noteId, '--role', 'editor', '--expires', '2']);
    expect(created.code, created.output).toBe(0);
    const token = /#([A-Za-z0-9_-]{43})/.exec(created.output)?.[1] as string;
    const linkId = /Share link (\S+)/.exec(created.output)?.[1] as string;
    const redeemed = await fetch(`${url}/api/share-links/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(redeemed.status).toBe(200);
    const guest: TestClient = connectTestClient(url.replace(/^http/, 'ws'), noteId, {
      cookie: sessionCookieOf(redeemed),
    });
    cleanups.push(() => guest.destroy());
    await guest.synced();

    // …and revoking it closes the guest's open connection.
    const closed = new Promise<number>((resolve) =>
      guest.provider.on('connection-close', (event) => event && resolve(event.code)),
    );
    const revoked = await runPlumeCli(dataDir, ['link', 'revoke', noteId, linkId]);
    expect(revoked.code, revoked.output).toBe(0);
    expect(await closed).toBe(CLOSE_CODE.accessRevoked.code);

    const audit = await runPlumeCli(dataDir, ['audit', '--note', noteId]);
    expect(audit.output).toMatch(/link\.revoked\tplume CLI/);
    expect(audit.output).toMatch(/link\.redeemed/);
    expect(audit.output).toMatch(/note\.created\thote@plume\.test/);
    // Tokens never reach the audit log.
    expect(audit.output).not.toContain(token);

    const sessions = await runPlumeCli(dataDir, ['session', 'end', '--user', HOST.email]);
    expect(sessions.output).toContain('Ended 1 session.');
    expect((await fetch(`${url}/api/notes`, { headers: { cookie } })).status).toBe(401);
  });
});
