import { isSafeColor } from '@plume/protocol';
import type { Awareness } from 'y-protocols/awareness';

/** One person present in a note, as shown in the presence list. */
export type PresentPerson = { clientId: number; name: string; color: string; isSelf: boolean };

const UNKNOWN_COLOR = '#6b7280';

/** Reads who is present from awareness: oneself first, then others by name. */
export function presentPeople(awareness: Awareness): PresentPerson[] {
  const people: PresentPerson[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== 'string') continue;
    people.push({
      clientId,
      name: user.name.slice(0, 40),
      color: isSafeColor(user.color) ? user.color : UNKNOWN_COLOR,
      isSelf: clientId === awareness.clientID,
    });
  }
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}

/** Calls `onChange` with who is present now and on every change; returns a function that stops. */
export function watchPresence(awareness: Awareness, onChange: (people: PresentPerson[]) => void): () => void {
  const update = () => onChange(presentPeople(awareness));
  awareness.on('change', update);
  update();
  return () => awareness.off('change', update);
}
