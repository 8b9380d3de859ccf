/** Longest file name stem an export gets, in characters, before its extension. */
const FILE_NAME_MAX_LENGTH = 80;

/**
 * A note title as a file name stem every system accepts: accents stripped, anything but ASCII
 * letters, digits, dot, underscore and hyphen replaced by '-', at most 80 characters, "note" when
 * nothing is left.
 */
export function safeFileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    // A leading dot would hide the file; leading and trailing hyphens are noise.
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, FILE_NAME_MAX_LENGTH)
    .replace(/[.-]+$/, '');
  return stem || 'note';
}

/**
 * The Content-Disposition header of an export: an ASCII `filename` for old clients and an RFC 5987
 * `filename*` carrying the real title, percent-encoded in UTF-8.
 */
export function attachmentDisposition(title: string, extension: string): string {
  const ascii = `${safeFileStem(title)}.${extension}`;
  const real = `${realFileStem(title)}.${extension}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(real)}`;
}

// The title as people wrote it, minus what no file system accepts (separators, control characters).
function realFileStem(title: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, FILE_NAME_MAX_LENGTH)
    .trim();
  return stem || 'note';
}

// encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow them.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
