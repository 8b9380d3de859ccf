import { isSafeHref } from '@plume/editor-schema';

/** Where a link typed in the link dialog goes, or why it cannot be a link. */
export type LinkTarget =
  | { readonly ok: true; readonly href: string }
  | { readonly ok: false; readonly reason: 'empty' | 'unsafe' | 'invalid' };

// A scheme is letters before a colon; a dot in it means a host followed by a port ("insee.fr:8080").
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
const EMAIL = /^[^\s@/:?#]+@[^\s@/:?#]+\.[^\s@/:?#]+$/;
const HOST_FIRST = /^(\/\/)?[^\s/?#.]+\.[^\s/?#]+/;

/**
 * Turns what a person typed as a link's address into a safe href: "insee.fr/…" and "//insee.fr"
 * become https links, "anne@exemple.fr" a mailto link; anything `isSafeHref` then refuses is
 * refused, as `unsafe` when its scheme is not http, https or mailto.
 */
export function normaliseLinkTarget(typed: string): LinkTarget {
  const value = typed.trim();
  if (value === '') return { ok: false, reason: 'empty' };
  const scheme = SCHEME.exec(value)?.[1];
  if (scheme !== undefined && !scheme.includes('.')) {
    if (!SAFE_SCHEMES.has(scheme.toLowerCase())) return { ok: false, reason: 'unsafe' };
    return isSafeHref(value) ? { ok: true, href: value } : { ok: false, reason: 'invalid' };
  }
  if (EMAIL.test(value)) return safeOrInvalid(`mailto:${value}`);
  if (!HOST_FIRST.test(value)) return { ok: false, reason: 'invalid' };
  return safeOrInvalid(value.startsWith('//') ? `https:${value}` : `https://${value}`);
}

function safeOrInvalid(href: string): LinkTarget {
  return isSafeHref(href) ? { ok: true, href } : { ok: false, reason: 'invalid' };
}
