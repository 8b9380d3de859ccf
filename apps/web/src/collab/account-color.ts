import { PRESENCE_COLORS } from '@plume/protocol';

/** The presence colour of an account: always the same for one account id, on every device. */
export function accountColor(accountId: string): string {
  // FNV-1a: a few lines, well spread over short ids, and stable across browsers.
  let hash = 0x811c9dc5;
  for (let index = 0; index < accountId.length; index += 1) {
    hash ^= accountId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return PRESENCE_COLORS[(hash >>> 0) % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}
