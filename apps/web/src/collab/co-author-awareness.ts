import type { Awareness } from 'y-protocols/awareness';

type ChangeListener = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;

/**
 * The awareness as the caret plugin should see it: the same states and local setters, but its
 * `change` event fires only when a co-author came, went or moved. The plugin redraws every caret
 * on each `change`, and the person's own caret moves with every key they press, while their own
 * caret is never drawn: without this, each key would cost a second editor transaction.
 */
export function coAuthorAwareness(awareness: Awareness): Awareness {
  const filtered = new Map<ChangeListener, ChangeListener>();
  // Everything else is read through the prototype, so states, clock and setters stay the real ones.
  const view = Object.create(awareness) as Awareness;
  const isAboutOthers = ({ added, updated, removed }: Parameters<ChangeListener>[0]) =>
    [added, updated, removed].some((ids) => ids.some((id) => id !== awareness.clientID));
  view.on = ((name: string, listener: ChangeListener) => {
    if (name !== 'change') return awareness.on(name as 'update', listener);
    const onlyOthers: ChangeListener = (changes, origin) => {
      if (isAboutOthers(changes)) listener(changes, origin);
    };
    filtered.set(listener, onlyOthers);
    return awareness.on('change', onlyOthers);
  }) as Awareness['on'];
  view.off = ((name: string, listener: ChangeListener) => {
    if (name !== 'change') return awareness.off(name as 'update', listener);
    awareness.off('change', filtered.get(listener) ?? listener);
    filtered.delete(listener);
  }) as Awareness['off'];
  return view;
}
