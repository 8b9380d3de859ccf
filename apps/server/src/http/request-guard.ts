import type { Request, RequestHandler } from 'express';
import { sendApiError } from './api-error.ts';
import type { OriginPolicy } from './origin-policy.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests sent by another site: browsers say where a request comes from
 * in Sec-Fetch-Site, or failing that in Origin. Requests with neither come from scripts and tools,
 * which carry no victim's cookie. Bodies must be JSON, which no plain HTML form can send.
 */
export function createRequestGuard(origins: OriginPolicy): RequestHandler {
  return (request, response, next) => {
    if (SAFE_METHODS.has(request.method)) {
      next();
      return;
    }
    if (isCrossSite(request, origins)) {
      sendApiError(response, 'crossSiteRequest');
      return;
    }
    const hasBody = Number(request.get('content-length') ?? 0) > 0 || request.get('transfer-encoding') !== undefined;
    if (hasBody && !request.is('application/json')) {
      sendApiError(response, 'unsupportedMediaType');
      return;
    }
    next();
  };
}

/** Whether a browser says the request comes from another site (Sec-Fetch-Site, or failing that Origin). */
export function isCrossSite(request: Request, origins: OriginPolicy): boolean {
  const site = request.get('sec-fetch-site');
  const origin = request.get('origin');
  return site !== undefined
    ? site !== 'same-origin' && site !== 'none'
    : origin !== undefined && !origins.allows(origin, request.get('host'));
}
