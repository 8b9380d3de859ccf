import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The part of ProseMirror's view that reads the page's selection; its types keep it private. */
type ObservedView = EditorView & { domObserver?: { flush: () => void } };

/** Keys that never move the caret by themselves. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta']);

/**
 * Makes the editor read where the caret is before a key command runs, when the key before was
 * left to the browser and may have moved it. Chromium reports a caret move (End, an arrow) with a
 * `selectionchange` event queued as a task of its own, and a busy page handles the next key
 * first: Enter pressed right after End then split the paragraph where the caret had been, and a
 * Backspace after Ctrl+Home, End and ArrowLeft could be taken for one at the start of the note
 * and lost. ProseMirror only reads the page on a key when a change is already pending.
 *
 * Only then: when the editor has just taken the focus back, the page's selection may be a stale
 * one that ProseMirror is about to replace with its own, and must not be read.
 */
export const CaretBeforeKeys = Extension.create({
  name: 'caretBeforeKeys',
  // Above every keymap, so that Enter, Backspace and the shortcuts all see the caret moved.
  priority: 10_000,

  addProseMirrorPlugins() {
    /** A key went to the browser since the editor last heard where the caret is. */
    let keyUnread = false;
    const read = () => {
      keyUnread = false;
    };
    // After ProseMirror's own listener: a key it handled has put the caret where it wanted.
    const noteKey = (event: KeyboardEvent) => {
      if (!event.defaultPrevented && !MODIFIERS.has(event.key)) keyUnread = true;
    };
    return [
      new Plugin({
        view(view) {
          view.dom.addEventListener('keydown', noteKey);
          document.addEventListener('selectionchange', read);
          return {
            destroy() {
              view.dom.removeEventListener('keydown', noteKey);
              document.removeEventListener('selectionchange', read);
            },
          };
        },
        props: {
          handleKeyDown(view) {
            if (keyUnread) (view as ObservedView).domObserver?.flush();
            read();
            return false;
          },
          handleDOMEvents: { focus: read, blur: read },
        },
      }),
    ];
  },
});
