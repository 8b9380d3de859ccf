import type { Editor } from '@tiptap/core';
import type * as Y from 'yjs';
import { authorshipApi } from '../authorship-api.ts';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

const STORAGE_KEY = 'plume.authorshipColours';

/** Whether this browser's person last switched authorship colours on; off unless they did. */
export function authorshipColoursWanted(storage: Pick<Storage, 'getItem'>): boolean {
  return storage.getItem(STORAGE_KEY) === 'on';
}

/** Remembers in this browser whether authorship colours are on, for every note and after reloads. */
export function rememberAuthorshipColours(storage: Pick<Storage, 'setItem' | 'removeItem'>, on: boolean): void {
  if (on) storage.setItem(STORAGE_KEY, 'on');
  else storage.removeItem(STORAGE_KEY);
}

/** The note page's "Couleurs des auteurs" switch and its legend; see `createAuthorshipToggle`. */
export type AuthorshipToggle = {
  readonly button: HTMLButtonElement;
  /** Where the names and their colours show while the colours are on; hidden otherwise. */
  readonly legend: HTMLElement;
  /** Colours `editor`'s text while the switch is on; returns the function that stops. */
  follow(target: { editor: Editor; doc: Y.Doc; noteId: string; accountId: string | null }): () => void;
};

/**
 * "Couleurs des auteurs", a switch (`aria-pressed`) remembered in `storage`: on, the code that
 * colours the text is loaded with `import()` (the editor page's bundle does not carry it), and the
 * legend shows who wrote in which colour.
 */
export function createAuthorshipToggle(deps: { i18n: Translator; storage: Storage }): AuthorshipToggle {
  const { i18n, storage } = deps;
  let on = authorshipColoursWanted(storage);
  const button = h(
    'button',
    { type: 'button', class: 'secondary authorship-toggle', 'aria-pressed': String(on) },
    i18n.t('authorship.toggle'),
  );
  const legend = h('div', { class: 'authorship-legend' });
  legend.hidden = true;
  let target: Parameters<AuthorshipToggle['follow']>[0] | null = null;
  let stopColours: (() => void) | null = null;
  // Each start gets a number: a module arriving after the switch went off, or back on, is dropped.
  let run = 0;

  function start(): void {
    if (!target || stopColours) return;
    const current = target;
    run += 1;
    const started = run;
    import('../editor/authorship-colours.ts').then(
      ({ startAuthorshipColours }) => {
        if (started !== run || target !== current) return;
        stopColours = startAuthorshipColours({ ...current, i18n, authorship: authorshipApi, legend });
      },
      // Offline, or a new release replaced the file: the switch goes back off and says why, but the
      // choice stays remembered, so the next page tries again.
      () => {
        if (started !== run) return;
        setOn(false, false);
        legend.hidden = false;
        legend.replaceChildren(
          h('p', { class: 'error authorship-note', role: 'alert' }, i18n.t('authorship.unavailable')),
        );
      },
    );
  }

  function stop(): void {
    run += 1;
    stopColours?.();
    stopColours = null;
    legend.replaceChildren();
    legend.hidden = true;
  }

  function setOn(value: boolean, remember = true): void {
    on = value;
    button.setAttribute('aria-pressed', String(on));
    if (remember) rememberAuthorshipColours(storage, on);
  }

  button.addEventListener('click', () => {
    setOn(!on);
    if (on) start();
    else stop();
  });

  return {
    button,
    legend,
    follow(next) {
      target = next;
      if (on) start();
      return () => {
        stop();
        target = null;
      };
    },
  };
}
