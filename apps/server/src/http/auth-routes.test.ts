import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestAccount,
  sessionCookieOf,
  startTestServer,
  type TestServer,
  type TestServerOptions,
} from '../testing/index.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
});

async function serve(options?: TestServerOptions): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/** POSTs JSON from a chosen loopback address, as a person on another machine would. */
function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

function json(server: TestServer, method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('signing in', () => {
  it('rate-limits repeated wrong passwords, and the right person still gets in', async () => {
    const server = await serve();
    const person = await createTestAccount(server, { email: 'claire@plume.test' });
    const attacker = '127.0.0.2';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push(
        (await postFrom(attacker, `${server.url}/api/session`, { email: person.email, password: `faux-${attempt}` }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Even the right password is refused from the guessing address until the window passes…
    const blocked = await postFrom(attacker, `${server.url}/api/session`, {
      email: person.email,
      password: person.password,
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    // …while the person, from their own address, signs in at once.
    expect(
      (await postFrom('127.0.0.3', `${server.url}/api/session`, { email: person.email, password: person.password }))
        .status,
    ).toBe(200);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const server = await serve();
    const person = await createTestAccount(server);
    const unknown = await json(server, 'POST', '/api/session', {
      email: 'nobody@plume.test',
      password: 'whatever-long',
    });
    const wrong = await json(server, 'POST', '/api/session', { email: person.email, password: 'whatever-long' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('rotates the session at sign-in and sets a locked-down cookie', async () => {
    const server = await serve();
    const person = await createTestAccount(server);
    const again = await json(
      server,
      'POST',
      '/api/session',
      { email: person.email, password: person.password },
      { cookie: person.cookie },
    );
    expect(again.status).toBe(200);
    const setCookie = again.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(sessionCookieOf(again)).not.toBe(person.cookie);
    // The session the browser had before is over.
    expect((await fetch(`${server.url}/api/notes`, { headers: { cookie: person.cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/notes`, { headers: { cookie: sessionCookieOf(again) } })).status).toBe(200);
  });

  it('ends every session on "sign out everywhere", and others when the password changes', async () => {
    const server = await serve();
    const person = await createTestAccount(server);
    const laptop = person.cookie;
    const phone = sessionCookieOf(
      await json(server, 'POST', '/api/session', { email: person.email, password: person.password }),
    );
    const changed = await json(
      server,
      'POST',
      '/api/account/password',
      { currentPassword: person.password, newPassword: 'un tout nouveau mot de passe' },
      { cookie: laptop },
    );
    expect(changed.status).toBe(204);
    expect((await fetch(`${server.url}/api/notes`, { headers: { cookie: phone } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/notes`, { headers: { cookie: laptop } })).status).toBe(200);

    expect(
      (await fetch(`${server.url}/api/account/sign-out-everywhere`, { method: 'POST', headers: { cookie: laptop } }))
        .status,
    ).toBe(204);
    expect((await fetch(`${server.url}/api/notes`, { headers: { cookie: laptop } })).status).toBe(401);
  });
});

describe('the first admin and invitations', () => {
  it('creates the first admin once, through the setup token', async () => {
    const server = await serve({ withAdmin: false });
    expect(await (await fetch(`${server.url}/api/session`)).json()).toMatchObject({ setupRequired: true });
    const token = server.auth.accounts.setupToken as string;
    expect(server.setupUrl).toBe(`${server.url}/setup#${token}`);
    const body = { token, email: 'chef@plume.test', name: 'Cheffe', password: 'mot de passe du chef' };
    expect((await json(server, 'POST', '/api/setup', { ...body, token: 'x'.repeat(43) })).status).toBe(410);
    const created = await json(server, 'POST', '/api/setup', body);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      user: { email: 'chef@plume.test', isAdmin: true },
      setupRequired: false,
    });
    expect((await json(server, 'POST', '/api/setup', { ...body, email: 'autre@plume.test' })).status).toBe(409);
  });

  it('lets an invited person choose a password once, then sign in', async () => {
    const server = await serve();
    const invited = await json(
      server,
      'POST',
      '/api/users',
      { email: 'Nouveau@Plume.test', name: 'Nouveau' },
      { cookie: server.admin.cookie },
    );
    expect(invited.status).toBe(201);
    const { url, user } = (await invited.json()) as { url: string; user: { email: string; hasPassword: boolean } };
    expect(user).toMatchObject({ email: 'nouveau@plume.test', hasPassword: false });
    const token = new URL(url).hash.slice(1);
    expect(new URL(url).pathname).toBe('/invitation');
    expect((await json(server, 'POST', '/api/invitations/accept', { token, password: 'court' })).status).toBe(400);
    expect(
      (await json(server, 'POST', '/api/invitations/accept', { token, password: 'assez long pour passer' })).status,
    ).toBe(200);
    expect(
      (await json(server, 'POST', '/api/invitations/accept', { token, password: 'assez long pour passer' })).status,
    ).toBe(410);
    expect(
      (await json(server, 'POST', '/api/session', { email: 'nouveau@plume.test', password: 'assez long pour passer' }))
        .status,
    ).toBe(200);
  });
});

describe('request hardening', () => {
  it('refuses state changes from another site, and bodies that are not JSON', async () => {
    const server = await serve();
    const cookie = server.admin.cookie;
    const crossSite = await json(
      server,
      'POST',
      '/api/notes',
      { title: 'x' },
      { cookie, 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: 'crossSiteRequest' } });
    const foreignOrigin = await json(
      server,
      'POST',
      '/api/notes',
      { title: 'x' },
      { cookie, origin: 'https://evil.example' },
    );
    expect(foreignOrigin.status).toBe(403);
    const form = await fetch(`${server.url}/api/notes`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: '{"title":"x"}',
    });
    expect(form.status).toBe(415);
    const sameOrigin = await json(
      server,
      'POST',
      '/api/notes',
      { title: 'x' },
      { cookie, origin: server.url, 'sec-fetch-site': 'same-origin' },
    );
    expect(sameOrigin.status).toBe(201);
  });

  it('sends a strict Content-Security-Policy and no-referrer on every answer', async () => {
    const server = await serve();
    const response = await fetch(`${server.url}/api/session`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('trusts forwarded addresses only from a configured proxy', async () => {
    const direct = await serve();
    const person = await createTestAccount(direct);
    // Without a trusted proxy, a forged X-Forwarded-For does not buy fresh attempts.
    for (let attempt = 0; attempt < 5; attempt++) {
      await json(
        direct,
        'POST',
        '/api/session',
        { email: person.email, password: 'faux mot de passe' },
        { 'x-forwarded-for': `10.0.0.${attempt}` },
      );
    }
    expect(
      (
        await json(
          direct,
          'POST',
          '/api/session',
          { email: person.email, password: 'faux mot de passe' },
          { 'x-forwarded-for': '10.0.0.99' },
        )
      ).status,
    ).toBe(429);

    const proxied = await serve({ trustProxy: 'loopback' });
    const other = await createTestAccount(proxied);
    for (let attempt = 0; attempt < 5; attempt++) {
      await json(
        proxied,
        'POST',
        '/api/session',
        { email: other.email, password: 'faux mot de passe' },
        { 'x-forwarded-for': '10.0.0.1' },
      );
    }
    expect(
      (
        await json(
          proxied,
          'POST',
          '/api/session',
          { email: other.email, password: other.password },
          { 'x-forwarded-for': '10.0.0.2' },
        )
      ).status,
    ).toBe(200);
  });
});
