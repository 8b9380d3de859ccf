import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Registry } from 'prom-client';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * `GET /metrics` in Prometheus text format. Counts of notes and connections tell an attacker
 * about the campaign, so remote scrapers need the bearer token; without one configured, only a
 * direct loopback request (no proxy header) may read them.
 */
export function createMetricsHandler(options: { registry: Registry; token: string | null }): RequestHandler {
  const { registry, token } = options;
  return async (request, response) => {
    response.set('Cache-Control', 'no-store');
    if (!mayRead(request, token)) {
      response.status(403).type('text/plain').send('Metrics are readable from loopback or with the metrics token.\n');
      return;
    }
    response.type(registry.contentType).send(await registry.metrics());
  };
}

function mayRead(request: Request, token: string | null): boolean {
  const header = request.get('authorization');
  if (token !== null && header !== undefined) {
    const expected = Buffer.from(`Bearer ${token}`);
    const given = Buffer.from(header);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  return LOOPBACK.has(request.socket.remoteAddress ?? '') && request.get('x-forwarded-for') === undefined;
}
