/**
 * Which browser origins may act on this server: its public URL's origin and the allow-list when
 * configured; without a public URL, an origin whose host is the one the request was sent to.
 */
export type OriginPolicy = {
  /** Whether a request carrying `origin` and addressed to `host` comes from the app itself. */
  allows(origin: string, host: string | undefined): boolean;
};

/** Builds the origin policy from the configured public URL and allow-list. */
export function createOriginPolicy(publicUrl: URL | null, allowedOrigins: readonly string[]): OriginPolicy {
  const allowed = new Set(allowedOrigins);
  if (publicUrl) allowed.add(publicUrl.origin);
  return {
    allows(origin, host) {
      if (allowed.has(origin)) return true;
      if (publicUrl || !host) return false;
      try {
        const url = new URL(origin);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
      } catch (error) {
        // "null" and other opaque origins are never our own.
        if (error instanceof TypeError) return false;
        throw error;
      }
    },
  };
}
