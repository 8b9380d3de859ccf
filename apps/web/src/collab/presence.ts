import { isNoteRole, isSafeColor, type NoteRole } from '@plume/protocol';
import type { Awareness } from 'y-protocols/awareness';

/**
 * One person present in a note, as shown in the presence list. `role` is what the server stamped
 * into their awareness (null when it did not, e.g. for oneself); `verified` says the name is their
 * account's, not one they typed.
 */
export type PresentPerson = {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
  role: NoteRole | null;
  verified: boolean;
};

const UNKNOWN_COLOR = '#6b7280';

/** Reads who is present from awareness: oneself first, then others by name. */
export function presentPeople(awareness: Awareness): PresentPerson[] {
  const people: PresentPerson[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown; role?: unknown; verified?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    people.push({
      clientId,
      name: user.name.slice(0, 40),
      color: isSafeColor(user.color) ? user.color : UNKNOWN_COLOR,
      isSelf: clientId === awareness.clientID,
      role: isNoteRole(user.role) ? user.role : null,
      verified: user.verified === true,
    });
  }
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/**
 * Calls `onChange` with who is present now and whenever someone comes, goes or changes name, role
 * or colour; returns a function that stops.
 */
export function watchPresence(awareness: Awareness, onChange: (people: PresentPerson[]) => void): () => void {
  // Awareness also changes with every caret move: redrawing the list then would take the focus
  // from a person's button under the keyboard.
  let shown = '';
  const update = () => {
    const people = presentPeople(awareness);
    const key = JSON.stringify(people);
    if (key === shown) return;
    shown = key;
    onChange(people);
  };
  awareness.on('change', update);
  update();
  return () => awareness.off('change', update);
}
