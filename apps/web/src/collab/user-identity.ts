/** How a person appears to co-authors: the name by their caret and its colour. */
export type UserIdentity = { name: string; color: string };

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX_LENGTH = 40;

const STORAGE_KEY = 'plume.identity';

// Colours readable as white-on-colour labels and distinct from one another.
const PALETTE = ['#1f6feb', '#b35900', '#0f7b3f', '#b3261e', '#6f42c1', '#0b7285', '#a61e4d', '#5c6f00'] as const;

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

/** The identity remembered in this browser, or null when the person has not chosen a name yet. */
export function loadIdentity(storage: Storage): UserIdentity | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { name, color } = parsed as Record<string, unknown>;
    const cleanName = typeof name === 'string' ? normaliseDisplayName(name) : null;
    if (cleanName === null) return null;
    return { name: cleanName, color: isSafeColor(color) ? color : pickColor() };
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** Remembers the person's name, keeping their colour if they had one. */
export function saveIdentity(storage: Storage, name: string, previous: UserIdentity | null): UserIdentity {
  const identity = { name, color: previous?.color ?? pickColor() };
  storage.setItem(STORAGE_KEY, JSON.stringify(identity));
  return identity;
}

function pickColor(): string {
  const index = crypto.getRandomValues(new Uint8Array(1))[0] ?? 0;
  return PALETTE[index % PALETTE.length] ?? PALETTE[0];
}
