import { CLOSE_CODE, type NoteSummary } from '@plume/protocol';
import type { Editor } from '@tiptap/core';
import { connectNote, type NoteConnection } from '../collab/connect-note.ts';
import { watchConnectionStatus } from '../collab/connection-status.ts';
import { guardOfflineEdits } from '../collab/offline-edits-guard.ts';
import { watchPresence } from '../collab/presence.ts';
import type { UserIdentity } from '../collab/user-identity.ts';
import { createNoteEditor } from '../editor/create-note-editor.ts';
import type { Translator } from '../i18n/translator.ts';
import type { notesApi } from '../notes-api.ts';
import { ApiCallError } from '../notes-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';

/** The editor page of one note: title, connection status, who is present, and the shared editor. */
export function mountNoteView(
  root: HTMLElement,
  deps: { noteId: string; i18n: Translator; api: typeof notesApi; user: UserIdentity; header: HTMLElement },
): () => void {
  const { noteId, i18n, api, user, header } = deps;
  const main = h('main', { class: 'page note-page' }, h('p', { class: 'muted' }, i18n.t('note.loading')));
  root.replaceChildren(header, main);

  let disposed = false;
  let connection: NoteConnection | null = null;
  let editor: Editor | null = null;
  const stops: Array<() => void> = [];

  function showProblem(message: string): void {
    main.replaceChildren(
      h('p', { class: 'error', role: 'alert' }, message),
      h('a', { href: '/', class: 'back' }, i18n.t('note.back')),
    );
  }

  function open(note: NoteSummary): void {
    document.title = `${note.title} · ${i18n.t('app.name')}`;
    const status = h('p', { class: 'status', role: 'status', 'data-status': 'syncing' });
    const presence = h('ul', { class: 'presence', 'aria-label': i18n.t('presence.label') });
    const editorElement = h('div', { class: 'editor-page' });
    main.replaceChildren(
      h('a', { href: '/', class: 'back' }, i18n.t('note.back')),
      h('div', { class: 'note-head' }, h('h1', { class: 'note-title' }, note.title), status),
      presence,
      editorElement,
    );

    const opened = connectNote(noteId, window.location);
    connection = opened;
    editor = createNoteEditor({
      element: editorElement,
      doc: opened.doc,
      provider: opened.provider,
      user,
      label: i18n.t('note.editorLabel'),
    });
    stops.push(
      guardOfflineEdits(opened.doc, opened.provider),
      watchConnectionStatus(
        opened.provider,
        () => opened.refusedWith !== null,
        (state) => {
          status.dataset.status = state;
          status.textContent = i18n.t(`status.${state}`);
          if (opened.refusedWith === CLOSE_CODE.noteNotFound.code) showProblem(i18n.t('note.notFound'));
          else if (opened.refusedWith !== null)
            showProblem(i18n.t('note.refused', { code: String(opened.refusedWith) }));
        },
      ),
      watchPresence(opened.provider.awareness, (people) => {
        presence.replaceChildren(
          ...people.map((person) => {
            const chip = h(
              'li',
              { class: 'person' },
              person.isSelf ? i18n.t('presence.you', { name: person.name }) : person.name,
            );
            chip.style.setProperty('--person-color', person.color);
            return chip;
          }),
        );
      }),
    );
    editor.commands.focus('end');
  }

  api.get(noteId).then(
    (note) => {
      if (!disposed) open(note);
    },
    (error: unknown) => {
      if (disposed) return;
      if (error instanceof ApiCallError && error.code === 'noteNotFound') showProblem(i18n.t('note.notFound'));
      else if (error instanceof ApiCallError && error.code === 'invalidNoteId') showProblem(i18n.t('note.invalidId'));
      else showProblem(i18n.t('note.loadFailed', { reason: describeApiError(error, i18n) }));
    },
  );

  return () => {
    disposed = true;
    for (const stop of stops.splice(0)) stop();
    editor?.destroy();
    connection?.destroy();
    root.replaceChildren();
  };
}
