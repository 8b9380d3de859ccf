import { isSafeColor, normaliseDisplayName, PRESENCE_COLORS, type PresenceUser } from '@plume/protocol';

/** How a person appears to co-authors: the name by their caret and its colour. */
export type UserIdentity = PresenceUser;

const STORAGE_KEY = 'plume.identity';

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
  return PRESENCE_COLORS[index % PRESENCE_COLORS.length] ?? PRESENCE_COLORS[0];
}
