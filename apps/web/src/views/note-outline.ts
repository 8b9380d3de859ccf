import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';
import type { OutlineHeading } from './reading-aids.ts';

/** Wide screens show the note's side panel beside the editor; narrower ones put it after it. */
const SIDE_BY_SIDE = '(min-width: 861px)';

/** The outline of a note; `show` draws its headings, or hides it when the note is too short to need one. */
export type NoteOutline = {
  readonly element: HTMLElement;
  show(headings: readonly OutlineHeading[], visible: boolean): void;
};

/**
 * "Plan de la note": the note's headings, indented by level, each a button passed to `onPick` by
 * its index. Open from the start beside the editor; on a phone, where it comes after the editor,
 * closed until the person opens it.
 */
export function createNoteOutline(deps: { i18n: Translator; onPick: (index: number) => void }): NoteOutline {
  const { i18n, onPick } = deps;
  const list = h('ol', { class: 'outline-list' });
  const element = h(
    'details',
    { class: 'note-outline' },
    h('summary', {}, i18n.t('outline.label')),
    h('nav', { 'aria-label': i18n.t('outline.label') }, list),
  );
  element.hidden = true;
  element.open = window.matchMedia(SIDE_BY_SIDE).matches;
  let drawn = '';

  function renderHeading(heading: OutlineHeading, index: number): HTMLElement {
    const button = h('button', { type: 'button', class: 'outline-link' }, heading.text);
    button.addEventListener('click', () => onPick(index));
    return h('li', { 'data-level': String(heading.level) }, button);
  }

  return {
    element,
    show(headings, visible) {
      element.hidden = !visible;
      // Drawn again only when the headings change, so that a focused button stays where it is.
      const key = JSON.stringify(headings.map(({ level, text }) => [level, text]));
      if (key === drawn) return;
      drawn = key;
      list.replaceChildren(...headings.map(renderHeading));
    },
  };
}
