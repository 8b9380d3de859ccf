import { redeemShareLinkRequest } from '@plume/protocol';

/**
 * Reads the secret token of a token page from its URL fragment (`#<token>`, as in `/s#abc…`);
 * null when there is none or it cannot be one of Plume's tokens.
 */
export function tokenFromFragment(hash: string): string | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  // Some mail clients and chat apps append a "token=" key or percent-encode the fragment.
  let candidate: string;
  try {
    candidate = decodeURIComponent(raw.replace(/^token=/, '')).trim();
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
  return redeemShareLinkRequest.safeParse({ token: candidate }).success ? candidate : null;
}
