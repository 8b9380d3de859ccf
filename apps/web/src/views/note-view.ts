import { CLOSE_CODE, type NoteRole, type NoteView, roleAllows } from '@plume/protocol';
import type { Editor } from '@tiptap/core';
import { ApiCallError } from '../api-client.ts';
import { connectNote, type NoteConnection } from '../collab/connect-note.ts';
import { watchConnectionStatus } from '../collab/connection-status.ts';
import { guardOfflineEdits } from '../collab/offline-edits-guard.ts';
import { type PresentPerson, watchPresence } from '../collab/presence.ts';
import type { UserIdentity } from '../collab/user-identity.ts';
import { createNoteEditor } from '../editor/create-note-editor.ts';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { loginPath } from '../routes.ts';
import type { SharingApi } from '../sharing-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { mountShareDialog } from './share-dialog.ts';

/**
 * The editor page of one note: title, the person's role, connection status, who is present, and
 * the shared editor, read-only unless the role allows writing. Owners get the share dialog. When
 * the server says the person's access changed, the page reopens the note with the new role; when
 * it says access was removed, the editor goes away.
 */
export function mountNoteView(
  root: HTMLElement,
  deps: {
    noteId: string;
    i18n: Translator;
    api: NotesApi;
    sharing: SharingApi;
    user: UserIdentity;
    /** The signed-in account's id, or null for a share-link guest. */
    accountId: string | null;
    header: HTMLElement;
    /** The server no longer knows this browser: the caller decides whether to go to the sign-in page. */
    onSignInRequired: () => void;
  },
): () => void {
  const { noteId, i18n, api, sharing, user, accountId, header, onSignInRequired } = deps;
  const main = h('main', { class: 'page note-page' }, h('p', { class: 'muted' }, i18n.t('note.loading')));
  root.replaceChildren(header, main);

  let disposed = false;
  let connection: NoteConnection | null = null;
  let editor: Editor | null = null;
  let role: NoteRole | null = null;
  let closeShareDialog: (() => void) | null = null;
  const stops: Array<() => void> = [];

  function closeNote(): void {
    closeShareDialog?.();
    closeShareDialog = null;
    for (const stop of stops.splice(0)) stop();
    editor?.destroy();
    editor = null;
    connection?.destroy();
    connection = null;
  }

  function showProblem(message: string, action: 'back' | 'signIn' = 'back'): void {
    // Nothing may be typed once the server has refused: the editor goes with the connection.
    editor?.setEditable(false);
    // The provider is still emitting the event that brought us here; tear it down right after.
    queueMicrotask(closeNote);
    const link =
      action === 'signIn'
        ? h('a', { href: loginPath(`/notes/${encodeURIComponent(noteId)}`), class: 'back' }, i18n.t('note.signIn'))
        : h('a', { href: '/', class: 'back' }, i18n.t('note.back'));
    main.replaceChildren(
      h('div', { class: 'card stack problem' }, h('p', { class: 'error', role: 'alert' }, message), link),
    );
  }

  function showLoadError(error: unknown): void {
    if (error instanceof ApiCallError && error.code === 'unauthenticated') {
      showProblem(i18n.t('note.signInRequired'), 'signIn');
      onSignInRequired();
    } else if (error instanceof ApiCallError && error.code === 'noteNotFound') showProblem(i18n.t('note.notFound'));
    else if (error instanceof ApiCallError && error.code === 'invalidNoteId') showProblem(i18n.t('note.invalidId'));
    else showProblem(i18n.t('note.loadFailed', { reason: describeApiError(error, i18n) }));
  }

  function handleRefusal(code: number): void {
    if (code === CLOSE_CODE.accessRevoked.code) showProblem(i18n.t('note.accessRevoked'));
    else if (code === CLOSE_CODE.noteNotFound.code) showProblem(i18n.t('note.notFound'));
    else if (code === CLOSE_CODE.unauthenticated.code) {
      showProblem(i18n.t('note.signInRequired'), 'signIn');
      onSignInRequired();
    } else showProblem(i18n.t('note.refused', { code: String(code) }));
  }

  // The server closed with "access changed" and y-websocket is already reconnecting: ask what
  // the role is now, and reopen the note if it differs.
  function recheckAccess(): void {
    api.get(noteId).then(
      (note) => {
        if (disposed || note.role === role) return;
        closeNote();
        open(note, i18n.t('note.roleChanged', { role: i18n.t(`role.${note.role}`) }));
      },
      (error: unknown) => {
        if (!disposed) showLoadError(error);
      },
    );
  }

  function renderPerson(person: PresentPerson): HTMLElement {
    // The server stamps roles on others; one's own comes from the note.
    const personRole = person.isSelf ? role : person.role;
    const chip = h(
      'li',
      { class: 'person', ...(personRole ? { 'data-role': personRole } : {}) },
      person.isSelf ? i18n.t('presence.you', { name: person.name }) : person.name,
    );
    if (personRole !== null && !roleAllows(personRole, 'write')) {
      chip.append(h('span', { class: 'person-role' }, i18n.t(`role.${personRole}`)));
    }
    chip.style.setProperty('--person-color', person.color);
    return chip;
  }

  function open(note: NoteView, notice: string | null = null): void {
    role = note.role;
    const writable = roleAllows(note.role, 'write');
    document.title = `${note.title} · ${i18n.t('app.name')}`;
    const status = h('p', { class: 'status', role: 'status', 'data-status': 'syncing' });
    const presence = h('ul', { class: 'presence', 'aria-label': i18n.t('presence.label') });
    const editorElement = h('div', { class: 'editor-page' });
    const badges = h('div', { class: 'note-badges' }, status);
    if (!writable) badges.prepend(h('span', { class: 'badge read-only' }, i18n.t('note.readOnly')));
    const actions = h('div', { class: 'note-actions' });
    if (roleAllows(note.role, 'export')) {
      actions.append(
        h('a', { href: api.exportUrl(noteId), download: '', class: 'button secondary' }, i18n.t('note.export')),
      );
    }
    if (roleAllows(note.role, 'share')) {
      const share = h('button', { type: 'button', class: 'primary', 'aria-haspopup': 'dialog' }, i18n.t('note.share'));
      share.addEventListener('click', () => {
        closeShareDialog?.();
        closeShareDialog = mountShareDialog(document.body, {
          i18n,
          api: sharing,
          note,
          currentUserId: accountId,
          onClosed: () => {
            closeShareDialog = null;
            share.focus();
          },
        });
      });
      actions.append(share);
    }
    main.replaceChildren(
      h('a', { href: '/', class: 'back' }, i18n.t('note.back')),
      h('div', { class: 'note-head' }, h('h1', { class: 'note-title' }, note.title), badges),
      ...(notice ? [h('p', { class: 'notice', role: 'status' }, notice)] : []),
      h('div', { class: 'note-bar' }, presence, actions),
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
      editable: writable,
    });
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_CODE.accessChanged.code) recheckAccess();
    };
    opened.provider.on('connection-close', onClose);
    stops.push(
      () => opened.provider.off('connection-close', onClose),
      guardOfflineEdits(opened.doc, opened.provider),
      watchConnectionStatus(
        opened.provider,
        () => opened.refusedWith !== null,
        (state) => {
          status.dataset.status = state;
          status.textContent = i18n.t(`status.${state}`);
          if (opened.refusedWith !== null) handleRefusal(opened.refusedWith);
        },
      ),
      watchPresence(opened.provider.awareness, (people) => presence.replaceChildren(...people.map(renderPerson))),
    );
    if (writable) editor.commands.focus('end');
  }

  api.get(noteId).then(
    (note) => {
      if (!disposed) open(note);
    },
    (error: unknown) => {
      if (!disposed) showLoadError(error);
    },
  );

  return () => {
    disposed = true;
    closeNote();
    root.replaceChildren();
  };
}
