import type { RequestHandler } from 'express';

// Nothing inline, nothing from elsewhere: carets colour themselves through the CSSOM, which
// style-src does not restrict, so no 'unsafe-inline' is needed.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

/** Sets the security headers every response carries. */
export const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Strict-Transport-Security': 'max-age=31536000',
  });
  next();
};

/**
 * Headers of a printed or exported document served by Plume (print page, pack HTML, HTML export):
 * it runs nothing and fetches nothing, its styles inline and its fonts data: URLs. `framing`
 * 'self' lets the app frame it to call print() on it; 'none' forbids any frame.
 */
export function printedDocumentHeaders(framing: 'self' | 'none'): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      'font-src data:',
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors '${framing}'`,
    ].join('; '),
    'X-Frame-Options': framing === 'self' ? 'SAMEORIGIN' : 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
