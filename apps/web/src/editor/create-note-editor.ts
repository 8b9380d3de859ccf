import { createEditorExtensions, DOCUMENT_FIELD } from '@plume/editor-schema';
import { isSafeColor } from '@plume/protocol';
import { Editor, Extension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Plugin } from '@tiptap/pm/state';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { coAuthorAwareness } from '../collab/co-author-awareness.ts';
import { RemoteChangeScroll } from '../collab/remote-change-scroll.ts';
import { steadyCaretAwareness } from '../collab/steady-caret-awareness.ts';
import type { UserIdentity } from '../collab/user-identity.ts';
import type { Translator } from '../i18n/translator.ts';
import { BlocksNearCaret } from './blocks-near-caret.ts';
import { CaretBeforeKeys } from './caret-before-keys.ts';
import { cleanPastedHtml } from './clean-pasted-html.ts';
import { openLinkDialog } from './link-dialog.ts';
import { LinkInteractions } from './link-interactions.ts';
import { MarkdownLinkRule } from './markdown-link-rule.ts';

/** Colour shown for a co-author whose awareness carries no acceptable colour. */
const FALLBACK_COLOR = '#6b7280';

/**
 * Creates the note editor bound to a shared document, showing co-authors' carets; read-only when
 * `editable` is false (viewers, commenters). Pasted HTML is cleaned first (see
 * clean-pasted-html.ts); links get their dialog (Mod-K), their Markdown shortcut and Ctrl+click.
 */
export function createNoteEditor(options: {
  element: HTMLElement;
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: UserIdentity;
  label: string;
  editable: boolean;
  /** The person's language, for checklist boxes, the link dialog and page breaks. */
  i18n: Translator;
}): Editor {
  const { element, doc, provider, user, label, editable, i18n } = options;
  // Drawn by styles.css after each page break; a custom property is the way to give CSS a text.
  element.style.setProperty('--page-break-label', cssString(i18n.t('editor.pageBreak')));
  return new Editor({
    element,
    editable,
    // Tiptap would add a <style> element, which the Content-Security-Policy forbids; its rules
    // live in styles.css instead.
    injectCSS: false,
    extensions: [
      ...createEditorExtensions({
        taskCheckboxLabel: (text) => (text.trim() ? i18n.t('editor.task', { text }) : i18n.t('editor.taskEmpty')),
      }),
      ReadOnlyAttribute,
      CaretBeforeKeys,
      BlocksNearCaret,
      MarkdownLinkRule,
      LinkInteractions.configure({ openDialog: (editor) => openLinkDialog({ editor, i18n }) }),
      Collaboration.configure({ document: doc, field: DOCUMENT_FIELD }),
      RemoteChangeScroll,
      CollaborationCaret.configure({
        provider: { awareness: steadyCaretAwareness(coAuthorAwareness(provider.awareness)) },
        user,
        render: renderCaret,
        selectionRender: renderSelection,
      }),
    ],
    editorProps: {
      attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', spellcheck: 'true', lang: 'fr' },
      transformPastedHTML: (html) => cleanPastedHtml(html),
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

// A CSS string holding `text`, quotes and backslashes escaped; line breaks cannot end it early.
function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}

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
