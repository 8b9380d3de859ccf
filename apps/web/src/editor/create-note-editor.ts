import { createEditorExtensions, DOCUMENT_FIELD } from '@plume/editor-schema';
import { isSafeColor } from '@plume/protocol';
import { Editor, Extension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Plugin } from '@tiptap/pm/state';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { UserIdentity } from '../collab/user-identity.ts';

/** Colour shown for a co-author whose awareness carries no acceptable colour. */
const FALLBACK_COLOR = '#6b7280';

/**
 * Creates the note editor bound to a shared document, showing co-authors' carets; read-only when
 * `editable` is false (viewers, commenters).
 */
export function createNoteEditor(options: {
  element: HTMLElement;
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: UserIdentity;
  label: string;
  editable: boolean;
}): Editor {
  const { element, doc, provider, user, label, editable } = options;
  return new Editor({
    element,
    editable,
    // Tiptap would add a <style> element, which the Content-Security-Policy forbids; its rules
    // live in styles.css instead.
    injectCSS: false,
    extensions: [
      ...createEditorExtensions(),
      ReadOnlyAttribute,
      Collaboration.configure({ document: doc, field: DOCUMENT_FIELD }),
      CollaborationCaret.configure({ provider, user, render: renderCaret, selectionRender: renderSelection }),
    ],
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', spellcheck: 'true', lang: 'fr' },
    },
  });
}

// Tiptap copies `editorProps.attributes` into an object, so a function there is lost; a plugin's
// attributes are recomputed on every update, setEditable included.
const ReadOnlyAttribute = Extension.create({
  name: 'readOnlyAttribute',
  addProseMirrorPlugins() {
    const { editor } = this;
    return [new Plugin({ props: { attributes: () => ({ 'aria-readonly': String(!editor.isEditable) }) } })];
  },
});

// Awareness comes from other people's browsers: the name is shown as text only, and the colour
// is used only when it is a plain #rrggbb.
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = isSafeColor(user.color) ? user.color : FALLBACK_COLOR;
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const name = document.createElement('span');
  name.className = 'collaboration-carets__label';
  name.style.backgroundColor = color;
  name.textContent = typeof user.name === 'string' ? user.name.slice(0, 40) : '?';
  caret.append(name);
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  const color = isSafeColor(user.color) ? user.color : FALLBACK_COLOR;
  return { nodeName: 'span', class: 'collaboration-carets__selection', style: `background-color: ${color}33` };
}
