import type { NoteRole } from './access.ts';

/**
 * How a person appears to co-authors, as carried in the `user` field of their awareness state.
 * The server overwrites `role`, and `name` for signed-in accounts, so nobody can pose as another.
 */
export type PresenceUser = { name: string; color: string; role?: NoteRole; verified?: boolean };

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX_LENGTH = 40;

/** Colours readable as white-on-colour labels and distinct from one another. */
export const PRESENCE_COLORS = [
  '#1f6feb',
  '#b35900',
  '#0f7b3f',
  '#b3261e',
  '#6f42c1',
  '#0b7285',
  '#c2338a',
  '#5c6f00',
] as const;

/** Whether a value is a colour Plume accepts from anyone: `#rrggbb`. */
export function isSafeColor(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);
}

/** Trims a display name and collapses control characters; returns null when nothing is left. */
export function normaliseDisplayName(value: string): string | null {
  const name = value
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name.length === 0 ? null : name.slice(0, DISPLAY_NAME_MAX_LENGTH);
}
