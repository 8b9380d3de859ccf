import {
  NOTE_SORTS,
  NOTE_STATUSES,
  type NoteDetail,
  type NoteStatus,
  type NoteView,
  type PersonRef,
  type Theme,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { contributorsOf, groupByStatus, groupByTheme } from '../note-grouping.ts';
import type { NotesApi } from '../notes-api.ts';
import type { TemplatesApi } from '../templates-api.ts';
import type { ThemesApi } from '../themes-api.ts';
import { throttle } from '../throttle.ts';
import type { WorkspaceSignal } from '../workspace-events.ts';
import {
  isFiltered,
  notesQueryOf,
  readWorkspaceQuery,
  VIEW_STORAGE_KEY,
  type WorkspaceQuery,
  workspaceSearch,
} from '../workspace-query.ts';
import { enableBoardDrag } from './board-drag.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { fillSelect, selectOf } from './form-field.ts';
import { createImportNote } from './import-note.ts';
import { keepFocus } from './keep-focus.ts';
import { openNewNoteDialog } from './new-note-dialog.ts';
import { renderNotesBoard } from './notes-board.ts';
import { renderNotesList } from './notes-list.ts';

/** Live updates come in bursts while people type: the list is fetched again at most this often. */
const REFRESH_INTERVAL_MS = 1000;
/** How often "il y a 5 minutes" is brought up to date when nothing else redraws the page. */
const CLOCK_INTERVAL_MS = 60_000;

/**
 * The home page: the notes the person may read, as a list grouped by theme or as a board by
 * status, with filters, a sort, and (for accounts) "Nouvelle note". The view, filters and sort live
 * in the address; the view is remembered in `storage` too. Other people's changes and who is in
 * each note arrive through `watchEvents` and redraw the page.
 */
export function mountWorkspaceView(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    notes: NotesApi;
    themes: ThemesApi;
    templates: TemplatesApi;
    header: HTMLElement;
    /** False for share-link guests: they read and edit notes, but create and trash none. */
    isAccount: boolean;
    navigate: (path: string) => void;
    storage: Pick<Storage, 'getItem' | 'setItem'>;
    watchEvents: (onEvent: (signal: WorkspaceSignal) => void) => () => void;
  },
): () => void {
  const { i18n, notes, themes, templates, header, isAccount, navigate, storage, watchEvents } = deps;
  const describe = (error: unknown) => describeApiError(error, i18n);

  let query: WorkspaceQuery = readWorkspaceQuery(window.location.search, storage.getItem(VIEW_STORAGE_KEY));
  let noteList: NoteView[] | null = null;
  let themeList: Theme[] = [];
  /** Everyone seen contributing so far, so that filtering on one person keeps the others on offer. */
  const people = new Map<string, PersonRef>();
  /** Statuses shown before the server confirmed them: a moved card stays where it was dropped. */
  const movedTo = new Map<string, NoteStatus>();
  let dragging = false;
  /** A live update arrived while the person was busy with the board: draw it once they are done. */
  let deferred = false;
  let disposed = false;
  let loads = 0;
  let closeDialog: (() => void) | null = null;

  const body = h('div', { class: 'workspace-body' });
  const status = h('p', { class: 'muted workspace-status' }, i18n.t('notes.loading'));
  const error = h('p', { class: 'error', role: 'alert' });
  const done = h('p', { class: 'success', role: 'status' });
  const feedback = h('div', { class: 'workspace-feedback' }, error, done);

  // Toolbar: the view switch, then filters and sort.
  const viewButtons = (['list', 'board'] as const).map((view) => {
    const button = h('button', { type: 'button', 'data-view': view }, i18n.t(`workspace.view.${view}`));
    button.addEventListener('click', () => change({ view }));
    return button;
  });
  const viewSwitch = h(
    'div',
    { class: 'view-switch', role: 'group', 'aria-label': i18n.t('workspace.view') },
    ...viewButtons,
  );
  const themeFilter = h('select', { id: 'filter-theme' });
  const statusFilter = selectOf(
    { id: 'filter-status' },
    [['', i18n.t('workspace.allStatuses')], ...NOTE_STATUSES.map((s) => [s, i18n.t(`noteStatus.${s}`)] as const)],
    query.status ?? '',
  );
  const contributorFilter = h('select', { id: 'filter-contributor' });
  const sortSelect = selectOf(
    { id: 'filter-sort' },
    NOTE_SORTS.map((sort) => [sort, i18n.t(`workspace.sort.${sort}`)] as const),
    query.sort,
  );
  const clear = h('button', { type: 'button', class: 'link clear-filters' }, i18n.t('workspace.clearFilters'));
  const statusField = filterField(i18n.t('workspace.status'), statusFilter);
  const filters = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': i18n.t('workspace.filters') },
    filterField(i18n.t('workspace.theme'), themeFilter),
    statusField,
    filterField(i18n.t('workspace.contributor'), contributorFilter),
    filterField(i18n.t('workspace.sort'), sortSelect),
    clear,
  );
  themeFilter.addEventListener('change', () => change({ theme: themeFilter.value || null }));
  statusFilter.addEventListener('change', () =>
    change({ status: NOTE_STATUSES.find((s) => s === statusFilter.value) ?? null }),
  );
  contributorFilter.addEventListener('change', () => change({ contributor: contributorFilter.value || null }));
  sortSelect.addEventListener('change', () =>
    change({ sort: NOTE_SORTS.find((s) => s === sortSelect.value) ?? 'updated' }),
  );
  clear.addEventListener('click', () => {
    change({ theme: null, status: null, contributor: null });
    themeFilter.focus();
  });

  const heading = h('div', { class: 'workspace-head' }, h('h1', {}, i18n.t('notes.title')));
  if (isAccount) {
    const create = h(
      'button',
      { type: 'button', class: 'primary', 'aria-haspopup': 'dialog' },
      i18n.t('workspace.new'),
    );
    create.addEventListener('click', () => {
      closeDialog?.();
      closeDialog = openNewNoteDialog({
        i18n,
        notes,
        templates,
        themes: themeList,
        themeId: query.theme,
        onCreated: (note) => navigate(`/notes/${encodeURIComponent(note.id)}`),
      });
    });
    heading.append(
      create,
      createImportNote({ i18n, onImported: (note) => navigate(`/notes/${encodeURIComponent(note.id)}`) }),
    );
  }

  function change(next: Partial<WorkspaceQuery>): void {
    query = { ...query, ...next };
    if (next.view) storage.setItem(VIEW_STORAGE_KEY, next.view);
    window.history.replaceState(null, '', window.location.pathname + workspaceSearch(query, window.location.search));
    syncToolbar();
    error.textContent = '';
    done.textContent = '';
    load();
  }

  function syncToolbar(): void {
    for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === query.view));
    // The board's columns are the statuses: filtering on one would empty three of them.
    statusField.hidden = query.view === 'board';
    clear.hidden = !isFiltered(query);
    fillSelect(
      themeFilter,
      [
        ['', i18n.t('workspace.allThemes')],
        ...[...themeList]
          .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
          .map((theme) => [theme.id, theme.name] as const),
        ['none', i18n.t('notes.noTheme')],
      ],
      query.theme ?? '',
    );
    const everyone = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
    fillSelect(
      contributorFilter,
      [['', i18n.t('workspace.allContributors')], ...everyone.map((person) => [person.id, person.name] as const)],
      query.contributor ?? '',
    );
    statusFilter.value = query.status ?? '';
    sortSelect.value = query.sort;
  }

  /** Fetches the notes; `live` when others' changes asked for it rather than the person. */
  function load(live = false): void {
    const asked = ++loads;
    notes.list(notesQueryOf(query)).then(
      (list) => {
        if (disposed || asked !== loads) return;
        noteList = list;
        for (const person of contributorsOf(list, i18n.language)) people.set(person.id, person);
        syncToolbar();
        if (live) renderLive();
        else render();
      },
      (failure: unknown) => {
        if (disposed || asked !== loads) return;
        status.textContent = i18n.t('notes.loadFailed', { reason: describe(failure) });
      },
    );
  }

  function loadThemes(): void {
    themes.list().then(
      (list) => {
        if (disposed) return;
        themeList = list;
        syncToolbar();
        renderLive();
      },
      (failure: unknown) => {
        if (!disposed) error.textContent = i18n.t('themes.loadFailed', { reason: describe(failure) });
      },
    );
  }

  // Redrawing would drop a card being dragged and close a select the person has open.
  function renderLive(): void {
    const active = document.activeElement;
    if (dragging || (active instanceof HTMLSelectElement && body.contains(active))) deferred = true;
    else render();
  }

  function render(): void {
    if (noteList === null) return;
    deferred = false;
    const shown = noteList.map((note) => {
      const moved = movedTo.get(note.id);
      return moved ? { ...note, status: moved } : note;
    });
    status.textContent = emptyMessage(shown.length);
    const next =
      query.view === 'board'
        ? renderNotesBoard(groupByStatus(shown), {
            i18n,
            themes: new Map(themeList.map((theme) => [theme.id, theme])),
            onMove: (note, to) => move(note.id, to),
          })
        : renderNotesList(groupByTheme(shown, themeList, i18n.language), {
            i18n,
            now: Date.now(),
            actions: isAccount ? { onDuplicate: duplicate, onTrash: trash } : { onDuplicate: null, onTrash: null },
          });
    // Live updates often change nothing on screen: swapping in an identical page would only take
    // away what the person is pointing at, selecting or about to drag.
    if (body.childElementCount === 1 && body.firstElementChild?.isEqualNode(next)) return;
    keepFocus(body, () => body.replaceChildren(next));
  }

  function emptyMessage(count: number): string {
    if (count > 0) return '';
    if (isFiltered(query)) return i18n.t('notes.emptyFiltered');
    return isAccount ? i18n.t('notes.empty') : '';
  }

  function replaceNote(note: NoteDetail): void {
    if (noteList) noteList = noteList.map((item) => (item.id === note.id ? note : item));
  }

  function move(noteId: string, to: NoteStatus): void {
    const note = noteList?.find((item) => item.id === noteId);
    if (!note) return;
    error.textContent = '';
    done.textContent = '';
    movedTo.set(noteId, to);
    render();
    notes.setStatus(noteId, to).then(
      (moved) => {
        movedTo.delete(noteId);
        replaceNote(moved);
        if (disposed) return;
        render();
        done.textContent = i18n.t('board.moved', { title: moved.title, status: i18n.t(`noteStatus.${moved.status}`) });
      },
      (failure: unknown) => {
        // Back to where it was, and say why.
        movedTo.delete(noteId);
        if (disposed) return;
        render();
        error.textContent = i18n.t('board.moveFailed', { title: note.title, reason: describe(failure) });
      },
    );
  }

  function duplicate(note: NoteView): void {
    error.textContent = '';
    notes.duplicate(note.id).then(
      (copy) => navigate(`/notes/${encodeURIComponent(copy.id)}`),
      (failure: unknown) => {
        if (!disposed) error.textContent = i18n.t('notes.actionFailed', { reason: describe(failure) });
      },
    );
  }

  function trash(note: NoteView): void {
    error.textContent = '';
    done.textContent = '';
    notes.remove(note.id).then(
      () => {
        if (disposed) return;
        const undo = h('button', { type: 'button', class: 'link' }, i18n.t('notes.undo'));
        undo.addEventListener('click', () => {
          done.textContent = '';
          notes.restore(note.id).then(
            () => load(),
            (failure: unknown) => {
              if (!disposed) error.textContent = i18n.t('notes.actionFailed', { reason: describe(failure) });
            },
          );
        });
        done.replaceChildren(i18n.t('notes.trashed', { title: note.title }), ' ', undo);
        undo.focus();
        load();
      },
      (failure: unknown) => {
        if (!disposed) error.textContent = i18n.t('notes.actionFailed', { reason: describe(failure) });
      },
    );
  }

  const refresh = throttle(() => load(true), REFRESH_INTERVAL_MS);
  const stopEvents = watchEvents((signal) => {
    if (signal.type === 'notes' || signal.type === 'resync') refresh.call();
    if (signal.type === 'themes' || signal.type === 'resync') loadThemes();
  });
  const stopDrag = enableBoardDrag(body, {
    onDrop: move,
    onDragChange(active) {
      dragging = active;
      if (!active && deferred) render();
    },
  });
  body.addEventListener('focusout', () => {
    // Once the focus has landed elsewhere.
    if (deferred) setTimeout(renderLive, 0);
  });
  // Only the list says "il y a 5 minutes"; the board has nothing to bring up to date.
  const clock = setInterval(() => {
    if (query.view === 'list') renderLive();
  }, CLOCK_INTERVAL_MS);

  document.title = `${i18n.t('notes.title')} · ${i18n.t('app.name')}`;
  const intro = isAccount ? [] : [h('p', { class: 'notice' }, i18n.t('notes.linkOnly'))];
  root.replaceChildren(
    header,
    h(
      'main',
      { class: 'page wide workspace' },
      heading,
      ...intro,
      h('div', { class: 'workspace-toolbar' }, viewSwitch, filters),
      feedback,
      status,
      body,
    ),
  );
  syncToolbar();
  load();
  loadThemes();
  return () => {
    disposed = true;
    closeDialog?.();
    refresh.cancel();
    clearInterval(clock);
    stopEvents();
    stopDrag();
    root.replaceChildren();
  };
}

function filterField(label: string, select: HTMLSelectElement): HTMLElement {
  return h('div', { class: 'filter' }, h('label', { for: select.id }, label), select);
}
