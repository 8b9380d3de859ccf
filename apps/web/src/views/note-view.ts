import { CLOSE_CODE, type NoteDetail, type NoteRole, roleAllows } from '@plume/protocol';
import type { Editor } from '@tiptap/core';
import { ApiCallError } from '../api-client.ts';
import { caretPositionIn } from '../collab/caret-position.ts';
import { connectNote, type NoteConnection } from '../collab/connect-note.ts';
import type { OfflineCopy } from '../collab/offline-copy.ts';
import { guardOfflineEdits } from '../collab/offline-edits-guard.ts';
import { type PresentPerson, watchPresence } from '../collab/presence.ts';
import { type SaveState, watchSaveState } from '../collab/save-state.ts';
import type { UserIdentity } from '../collab/user-identity.ts';
import { createNoteEditor } from '../editor/create-note-editor.ts';
import { mountEditorToolbar } from '../editor/editor-toolbar.ts';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { createNotePrinter, type NotePrinter } from '../print/print-note.ts';
import { loginPath } from '../routes.ts';
import type { SharingApi } from '../sharing-api.ts';
import type { TemplatesApi } from '../templates-api.ts';
import type { ThemesApi } from '../themes-api.ts';
import { throttle } from '../throttle.ts';
import type { WorkspaceSignal } from '../workspace-events.ts';
import { createAuthorshipToggle } from './authorship-toggle.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createExportMenu } from './export-menu.ts';
import { createNoteDetails, type NoteDetails } from './note-details.ts';
import { createNoteHistory } from './note-history.ts';
import { createNoteOutline, type NoteOutline } from './note-outline.ts';
import { createNoteTitle, type NoteTitle } from './note-title.ts';
import { moveToHeading, needsOutline, watchReadingFigures } from './reading-aids.ts';
import { openSaveTemplateDialog } from './save-template-dialog.ts';
import { mountShareDialog } from './share-dialog.ts';

/** Edits by others arrive in bursts: the note's details are fetched again at most this often. */
const REFRESH_INTERVAL_MS = 1000;

/**
 * The editor page of one note: title, the person's role, whether the server has saved their
 * edits, who is present (a click on someone goes to where they write), the shared editor
 * (read-only unless the role allows writing, kept in the browser too; each passage in its author's
 * colour when the person switches authorship colours on) and, beside it, the note's
 * outline, its history of versions, theme, status, live length and status history. Editors rename it and change its theme
 * and status; accounts duplicate it; owners share it and move it to the trash; admins save it as a
 * template. When the server says the person's access changed, the page reopens the note with the
 * new role; when it says access was removed, the editor goes away and so does its browser copy.
 */
export function mountNoteView(
  root: HTMLElement,
  deps: {
    noteId: string;
    i18n: Translator;
    api: NotesApi;
    sharing: SharingApi;
    themes: ThemesApi;
    templates: TemplatesApi;
    user: UserIdentity;
    /** The signed-in account's id, or null for a share-link guest. */
    accountId: string | null;
    isAdmin: boolean;
    header: HTMLElement;
    navigate: (path: string) => void;
    watchEvents: (onEvent: (signal: WorkspaceSignal) => void) => () => void;
    /** The server no longer knows this browser: the caller decides whether to go to the sign-in page. */
    onSignInRequired: () => void;
  },
): () => void {
  const { noteId, i18n, api, sharing, themes, templates, user, accountId, isAdmin, header, navigate } = deps;
  const { watchEvents, onSignInRequired } = deps;
  const main = h('main', { class: 'page note-page' }, h('p', { class: 'muted' }, i18n.t('note.loading')));
  root.replaceChildren(header, main);

  let disposed = false;
  let connection: NoteConnection | null = null;
  let editor: Editor | null = null;
  let role: NoteRole | null = null;
  let closeShareDialog: (() => void) | null = null;
  let closeTemplateDialog: (() => void) | null = null;
  let title: NoteTitle | null = null;
  let details: NoteDetails | null = null;
  let printer: NotePrinter | null = null;
  const stops: Array<() => void> = [];

  function closeNote(): void {
    closeShareDialog?.();
    closeShareDialog = null;
    closeTemplateDialog?.();
    closeTemplateDialog = null;
    title = null;
    details = null;
    printer?.dispose();
    printer = null;
    for (const stop of stops.splice(0)) stop();
    editor?.destroy();
    editor = null;
    connection?.destroy();
    connection = null;
  }

  function showProblem(message: string, action: 'back' | 'signIn' = 'back'): HTMLElement {
    // Nothing may be typed once the server has refused: the editor goes with the connection.
    editor?.setEditable(false);
    // The provider is still emitting the event that brought us here; tear it down right after.
    queueMicrotask(closeNote);
    const link =
      action === 'signIn'
        ? h('a', { href: loginPath(`/notes/${encodeURIComponent(noteId)}`), class: 'back' }, i18n.t('note.signIn'))
        : h('a', { href: '/', class: 'back' }, i18n.t('note.back'));
    const card = h('div', { class: 'card stack problem' }, h('p', { class: 'error', role: 'alert' }, message), link);
    main.replaceChildren(card);
    return card;
  }

  function showLoadError(error: unknown): void {
    if (error instanceof ApiCallError && error.code === 'unauthenticated') {
      showProblem(i18n.t('note.signInRequired'), 'signIn');
      onSignInRequired();
    } else if (error instanceof ApiCallError && error.code === 'noteNotFound') showProblem(i18n.t('note.notFound'));
    else if (error instanceof ApiCallError && error.code === 'invalidNoteId') showProblem(i18n.t('note.invalidId'));
    else showProblem(i18n.t('note.loadFailed', { reason: describeApiError(error, i18n) }));
  }

  function handleRefusal(code: number, offlineCopy: OfflineCopy): void {
    if (code === CLOSE_CODE.accessRevoked.code) forgetCopy(showProblem(i18n.t('note.accessRevoked')), offlineCopy);
    else if (code === CLOSE_CODE.noteNotFound.code) forgetCopy(showProblem(i18n.t('note.notFound')), offlineCopy);
    else if (code === CLOSE_CODE.unauthenticated.code) {
      showProblem(i18n.t('note.signInRequired'), 'signIn');
      onSignInRequired();
    } else showProblem(i18n.t('note.refused', { code: String(code) }));
  }

  // A note gone for good, or out of reach, leaves nothing in the browser.
  function forgetCopy(problem: HTMLElement, offlineCopy: OfflineCopy): void {
    offlineCopy.forget().catch(() => problem.append(h('p', { class: 'error' }, i18n.t('offline.forgetFailed'))));
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
    const chip = h('li', { class: 'person', ...(personRole ? { 'data-role': personRole } : {}) });
    // Others are buttons that go to where they write.
    const label = person.isSelf
      ? chip
      : h('button', { type: 'button', class: 'person-button', title: i18n.t('presence.goTo', { name: person.name }) });
    label.append(person.isSelf ? i18n.t('presence.you', { name: person.name }) : person.name);
    if (personRole !== null && !roleAllows(personRole, 'write')) {
      label.append(h('span', { class: 'person-role' }, i18n.t(`role.${personRole}`)));
    }
    if (label !== chip) {
      label.addEventListener('click', () => goToPerson(person));
      chip.append(label);
    }
    chip.style.setProperty('--person-color', person.color);
    return chip;
  }

  // Their caret becomes ours and comes into view; a hint says when they have none in the note.
  function goToPerson(person: PresentPerson): void {
    if (!editor || !connection) return;
    const position = caretPositionIn(editor, connection.provider.awareness.getStates().get(person.clientId));
    if (position === null) {
      presenceHint.textContent = i18n.t('presence.noCaret', { name: person.name });
      return;
    }
    presenceHint.textContent = '';
    editor.chain().focus().setTextSelection(position).scrollIntoView().run();
  }

  // Until the first sync the document is still empty: the server's length stays shown until then.
  function watchFiguresOnceSynced(opened: NoteConnection, outline: NoteOutline): () => void {
    let stopFigures: (() => void) | null = null;
    const start = (isSynced: boolean) => {
      if (!isSynced || !editor || stopFigures) return;
      stopFigures = watchReadingFigures(editor, (figures) => {
        details?.showLiveLength(figures);
        outline.show(figures.headings, needsOutline(figures));
      });
    };
    opened.provider.on('sync', start);
    return () => {
      opened.provider.off('sync', start);
      stopFigures?.();
    };
  }

  function saveText({ status, pending }: SaveState): string {
    if (status === 'offline' && pending > 0) return i18n.tCount('status.offlinePending', pending);
    return i18n.t(`status.${status}`);
  }

  const actionError = h('p', { class: 'error', role: 'alert' });
  const actionDone = h('p', { class: 'success', role: 'status' });
  const presenceHint = h('p', { class: 'hint presence-hint', role: 'status' });

  // Someone else renamed, refiled or moved the note, or its word count caught up with the text.
  function showLatest(note: NoteDetail): void {
    document.title = `${note.title} · ${i18n.t('app.name')}`;
    title?.update(note);
    details?.update(note);
  }

  function refreshDetails(): void {
    api.get(noteId).then(
      (note) => {
        if (disposed || details === null) return;
        if (note.role !== role) recheckAccess();
        else showLatest(note);
      },
      (error: unknown) => {
        if (disposed) return;
        // While the socket is open, the server will close it and say why (access removed, note
        // trashed): the answer of a poll that came first must not hide that reason.
        if (error instanceof ApiCallError && error.code === 'noteNotFound') {
          if (!connection?.provider.wsconnected) showProblem(i18n.t('note.notFound'));
        }
        // Offline, the status line says so already; the details are fetched again once back.
        else if (error instanceof ApiCallError && error.status === 0) return;
        // The editor keeps working meanwhile: only the details may be out of date.
        else actionError.textContent = i18n.t('note.loadFailed', { reason: describeApiError(error, i18n) });
      },
    );
  }

  function noteActions(note: NoteDetail): HTMLElement[] {
    const buttons: HTMLElement[] = [];
    const fail = (error: unknown) => {
      if (!disposed) actionError.textContent = i18n.t('notes.actionFailed', { reason: describeApiError(error, i18n) });
    };
    const button = (
      label: string,
      run: (clicked: HTMLButtonElement) => void,
      attributes: Record<string, string> = {},
    ) => {
      const element = h('button', { type: 'button', class: 'secondary', ...attributes }, label);
      element.addEventListener('click', () => {
        actionError.textContent = '';
        run(element);
      });
      buttons.push(element);
    };
    if (accountId !== null) {
      button(i18n.t('note.duplicate'), (clicked) => {
        clicked.disabled = true;
        api.duplicate(noteId).then(
          (copy) => navigate(`/notes/${encodeURIComponent(copy.id)}`),
          (error: unknown) => {
            clicked.disabled = false;
            fail(error);
          },
        );
      });
    }
    if (isAdmin) {
      button(
        i18n.t('note.saveTemplate'),
        (clicked) => {
          closeTemplateDialog?.();
          closeTemplateDialog = openSaveTemplateDialog({
            i18n,
            templates,
            note,
            onSaved: (template) => {
              closeTemplateDialog = null;
              actionDone.textContent = i18n.t('template.saved', { name: template.name });
              clicked.focus();
            },
          });
        },
        { 'aria-haspopup': 'dialog' },
      );
    }
    if (roleAllows(note.role, 'delete')) {
      button(
        i18n.t('note.trash'),
        (clicked) => {
          clicked.disabled = true;
          api.remove(noteId).then(
            () => navigate('/'),
            (error: unknown) => {
              clicked.disabled = false;
              fail(error);
            },
          );
        },
        { class: 'danger' },
      );
    }
    return buttons;
  }

  // The note prints from a frame holding its print document, so the page's toolbar and carets never reach paper.
  function printButton(): HTMLButtonElement {
    printer?.dispose();
    const notePrinter = createNotePrinter({ noteId, i18n, parent: document.body });
    printer = notePrinter;
    const button = h('button', { type: 'button', class: 'secondary' }, i18n.t('note.print'));
    button.addEventListener('click', () => {
      actionError.textContent = '';
      button.disabled = true;
      const done = (problem: string | null) => {
        button.disabled = false;
        if (problem !== null && !disposed) actionError.textContent = problem;
      };
      notePrinter
        .print()
        .then(done, (error: unknown) => done(i18n.t('print.failed', { reason: describeApiError(error, i18n) })));
    });
    return button;
  }

  function open(note: NoteDetail, notice: string | null = null): void {
    role = note.role;
    const writable = roleAllows(note.role, 'write');
    document.title = `${note.title} · ${i18n.t('app.name')}`;
    const status = h('p', { class: 'status', role: 'status', 'data-status': 'connecting' });
    const presence = h('ul', { class: 'presence', 'aria-label': i18n.t('presence.label') });
    const editorElement = h('div', { class: 'editor-page' });
    const badges = h('div', { class: 'note-badges' }, status);
    if (!writable) badges.prepend(h('span', { class: 'badge read-only' }, i18n.t('note.readOnly')));
    const actions = h('div', { class: 'note-actions' });
    const authorship = createAuthorshipToggle({ i18n, storage: window.localStorage });
    if (roleAllows(note.role, 'export')) actions.append(createExportMenu({ i18n, noteId }));
    if (roleAllows(note.role, 'read')) actions.append(printButton());
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
    actionError.textContent = '';
    actionDone.textContent = '';
    presenceHint.textContent = '';
    // Last: the export menu keeps the first place, where its list has room on a phone.
    actions.append(...noteActions(note), authorship.button);
    title = createNoteTitle({
      i18n,
      note,
      notes: api,
      canRename: writable,
      onRenamed: (renamed) => showLatest(renamed),
    });
    details = createNoteDetails({ i18n, note, notes: api, themes, onChanged: (changed) => showLatest(changed) });
    const outline = createNoteOutline({
      i18n,
      onPick: (index) => {
        if (editor) moveToHeading(editor, index);
      },
    });
    const history = createNoteHistory({ i18n, note, notes: api });
    main.replaceChildren(
      h('a', { href: '/', class: 'back' }, i18n.t('note.back')),
      h('div', { class: 'note-head' }, title.element, badges),
      ...(notice ? [h('p', { class: 'notice', role: 'status' }, notice)] : []),
      h('div', { class: 'note-bar' }, presence, actions),
      authorship.legend,
      presenceHint,
      actionError,
      actionDone,
      // The editor comes first: on a phone, where the two stack, writing matters more than details.
      h(
        'div',
        { class: 'note-layout' },
        editorElement,
        h('div', { class: 'note-side' }, outline.element, history.element, details.element),
      ),
    );

    const opened = connectNote(noteId, window.location, window.localStorage);
    connection = opened;
    editor = createNoteEditor({
      element: editorElement,
      doc: opened.doc,
      provider: opened.provider,
      user,
      label: i18n.t('note.editorLabel'),
      editable: writable,
      i18n,
    });
    if (writable) stops.push(mountEditorToolbar(editorElement, { editor, i18n }));
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CLOSE_CODE.accessChanged.code) recheckAccess();
    };
    opened.provider.on('connection-close', onClose);
    const saving = watchSaveState(opened, {
      readOnly: !writable,
      onChange: (state) => {
        status.dataset.status = state.status;
        status.textContent = saveText(state);
        if (opened.refusedWith !== null) handleRefusal(opened.refusedWith, opened.offlineCopy);
      },
    });
    // Back in the editor, the person has moved on from a hint about someone's caret.
    const noteEditor = editor;
    const clearHint = () => {
      presenceHint.textContent = '';
    };
    noteEditor.on('focus', clearHint);
    stops.push(
      () => opened.provider.off('connection-close', onClose),
      () => noteEditor.off('focus', clearHint),
      () => saving.stop(),
      // Without a copy in the browser, edits the server has not confirmed live only in this tab.
      guardOfflineEdits(() => !saving.confirmed && !opened.offlineCopy.available),
      watchPresence(opened.provider.awareness, (people) => presence.replaceChildren(...people.map(renderPerson))),
      watchFiguresOnceSynced(opened, outline),
      history.follow(opened.doc),
      authorship.follow({ editor, doc: opened.doc, noteId, accountId }),
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
  const refresh = throttle(refreshDetails, REFRESH_INTERVAL_MS);
  const stopEvents = watchEvents((signal) => {
    if (signal.type === 'resync' || (signal.type === 'notes' && signal.noteIds.includes(noteId))) refresh.call();
    if (signal.type === 'resync' || signal.type === 'themes') details?.reloadThemes();
  });

  return () => {
    disposed = true;
    refresh.cancel();
    stopEvents();
    closeNote();
    root.replaceChildren();
  };
}
