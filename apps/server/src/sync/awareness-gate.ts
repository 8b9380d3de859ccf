import { isSafeColor, type NoteRole, normaliseDisplayName, PRESENCE_COLORS, type PresenceUser } from '@plume/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { RejectedMessageError } from './rejected-message-error.ts';

/** Largest presence state one connection may publish, in characters of JSON: a name, a colour and a selection. */
export const MAX_AWARENESS_STATE_LENGTH = 4_096;

/** Most entries in one awareness message: a client echoes at most the room's others. */
const MAX_AWARENESS_ENTRIES = 1_000;

/** One client's presence as y-protocols encodes it; a null state means the client left. */
export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };

/** Decodes a y-protocols awareness update completely, refusing truncation and oversized states. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const refuse = (why: string): never => {
    throw new RejectedMessageError('invalidAwareness', why);
  };
  const uint = (what: string): number => {
    let value = 0;
    try {
      value = decoding.readVarUint(decoder);
    } catch (error) {
      refuse(`truncated presence update: no ${what} (${(error as Error).message})`);
    }
    if (!Number.isSafeInteger(value)) refuse(`${what} beyond safe integers`);
    return value;
  };
  const count = uint('entry count');
  if (count > MAX_AWARENESS_ENTRIES) refuse(`${count} presence entries`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = uint('client id');
    const clock = uint('clock');
    const length = uint('state length');
    if (length > MAX_AWARENESS_STATE_LENGTH) refuse(`presence state of ${length} bytes`);
    if (length > update.length - decoder.pos) refuse('truncated presence state');
    const bytes = update.subarray(decoder.pos, decoder.pos + length);
    decoder.pos += length;
    entries.push({ clientId, clock, state: parseState(bytes) });
  }
  if (decoding.hasContent(decoder)) refuse('bytes after the end of the presence update');
  return entries;
}

/** Encodes entries the way y-protocols' `encodeAwarenessUpdate` does. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** What the server knows of the person behind a connection, and writes over what their client claims. */
export type PresenceStamp = {
  readonly role: NoteRole;
  /** The account's name when signed in; null for someone using a share link, who names themselves. */
  readonly accountName: string | null;
};

/**
 * Makes a presence state safe to relay: the display name is cleaned text (the account's own name
 * when signed in), the colour is `#rrggbb` or one picked from the client id, and the role is the
 * one the server gave. Other fields (the selection) pass unchanged.
 */
export function sanitiseAwarenessState(
  state: Record<string, unknown>,
  clientId: number,
  stamp: PresenceStamp,
): Record<string, unknown> {
  const user = typeof state.user === 'object' && state.user !== null ? (state.user as Record<string, unknown>) : {};
  const claimed = typeof user.name === 'string' ? normaliseDisplayName(user.name) : null;
  const name = stamp.accountName === null ? claimed : normaliseDisplayName(stamp.accountName);
  const color = isSafeColor(user.color) ? user.color : (PRESENCE_COLORS[clientId % PRESENCE_COLORS.length] as string);
  const presence: PresenceUser = { name: name ?? '?', color, role: stamp.role, verified: stamp.accountName !== null };
  return { ...state, user: presence };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parseState(bytes: Uint8Array): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    // TextDecoder throws a TypeError on bytes that are not UTF-8.
    if (error instanceof SyntaxError || error instanceof RangeError || error instanceof TypeError) {
      throw new RejectedMessageError('invalidAwareness', 'presence state is not JSON');
    }
    throw error;
  }
  if (state === null) return null;
  if (typeof state !== 'object' || Array.isArray(state))
    throw new RejectedMessageError('invalidAwareness', 'presence state is not an object');
  return state as Record<string, unknown>;
}
