/** Longest link target accepted, in characters. */
export const HREF_MAX_LENGTH = 2_048;

// The only schemes a note may link to: a reader follows them without running anything. Every
// other one (javascript:, data:, vbscript:, file:, tel:, unknown ones) is refused, however spelled.
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Whether a link target is an absolute http(s) or mailto URL that is safe to put in an `href`. */
export function isSafeHref(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > HREF_MAX_LENGTH) return false;
  // Browsers drop control characters and surrounding spaces before reading the scheme.
  if (/[\p{Cc}\s]/u.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
  return SAFE_SCHEMES.has(url.protocol);
}
