import { roleAllows, type TrashedNote } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { throttle } from '../throttle.ts';
import type { WorkspaceSignal } from '../workspace-events.ts';
import { askToConfirm } from './confirm-dialog.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { keepFocus } from './keep-focus.ts';
import { lengthText, statusBadge, timeElement, whenText } from './note-badges.ts';

/** Others' changes come in bursts: the trash is fetched again at most this often. */
const REFRESH_INTERVAL_MS = 1000;

/**
 * The trash: notes moved there, with when and by whom. Their owners (and admins) restore them, or
 * delete them for good after confirming in a dialog that says it cannot be undone.
 */
export function mountTrashView(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    api: NotesApi;
    header: HTMLElement;
    watchEvents: (onEvent: (signal: WorkspaceSignal) => void) => () => void;
  },
): () => void {
  const { i18n, api, header, watchEvents } = deps;
  const describe = (error: unknown) => i18n.t('trash.failed', { reason: describeApiError(error, i18n) });
  let disposed = false;
  let loads = 0;
  let closeDialog: (() => void) | null = null;

  const status = h('p', { class: 'muted' }, i18n.t('common.loading'));
  const error = h('p', { class: 'error', role: 'alert' });
  const done = h('p', { class: 'success', role: 'status' });
  const list = h('ul', { class: 'trash-list', 'aria-labelledby': 'trash-title' });

  function load(): void {
    const asked = ++loads;
    api.trash().then(
      (notes) => {
        if (disposed || asked !== loads) return;
        status.textContent = notes.length === 0 ? i18n.t('trash.empty') : '';
        keepFocus(list, () => list.replaceChildren(...notes.map(renderNote)));
      },
      (failure: unknown) => {
        if (!disposed && asked === loads)
          status.textContent = i18n.t('trash.loadFailed', { reason: describeApiError(failure, i18n) });
      },
    );
  }

  function act(work: () => Promise<unknown>, message: string, buttons: HTMLButtonElement[]): void {
    error.textContent = '';
    done.textContent = '';
    for (const button of buttons) button.disabled = true;
    work().then(
      () => {
        if (disposed) return;
        done.textContent = message;
        load();
      },
      (failure: unknown) => {
        for (const button of buttons) button.disabled = false;
        if (!disposed) error.textContent = describe(failure);
      },
    );
  }

  function renderNote(note: TrashedNote): HTMLElement {
    const by = note.deletedBy?.name ?? i18n.t('history.someone');
    const item = h(
      'li',
      { class: 'trash-item', 'data-note-id': note.id },
      h(
        'div',
        { class: 'who' },
        h('strong', { class: 'trash-title' }, note.title),
        h(
          'span',
          { class: 'note-meta' },
          statusBadge(note.status, i18n),
          h('span', {}, lengthText(note, i18n)),
          timeElement(
            note.deletedAt,
            i18n.t('trash.deletedBy', { when: whenText(note.deletedAt, i18n), name: by }),
            i18n,
          ),
        ),
      ),
    );
    if (!roleAllows(note.role, 'delete')) return item;
    const restore = h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'aria-label': i18n.t('trash.restoreNamed', { title: note.title }),
        'data-focus-key': `restore-${note.id}`,
      },
      i18n.t('trash.restore'),
    );
    const purge = h(
      'button',
      {
        type: 'button',
        class: 'danger small',
        'aria-haspopup': 'dialog',
        'aria-label': i18n.t('trash.purgeNamed', { title: note.title }),
        'data-focus-key': `purge-${note.id}`,
      },
      i18n.t('trash.purge'),
    );
    const buttons = [restore, purge];
    restore.addEventListener('click', () =>
      act(() => api.restore(note.id), i18n.t('trash.restored', { title: note.title }), buttons),
    );
    purge.addEventListener('click', () => {
      closeDialog?.();
      closeDialog = askToConfirm({
        i18n,
        title: i18n.t('trash.confirmTitle', { title: note.title }),
        message: i18n.t('trash.confirmText'),
        confirmLabel: i18n.t('trash.purge'),
        onConfirm: () => act(() => api.purge(note.id), i18n.t('trash.purged', { title: note.title }), buttons),
      });
    });
    item.append(h('div', { class: 'actions' }, restore, purge));
    return item;
  }

  const refresh = throttle(load, REFRESH_INTERVAL_MS);
  const stopEvents = watchEvents((signal) => {
    if (signal.type === 'notes' || signal.type === 'resync') refresh.call();
  });
  document.title = `${i18n.t('trash.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    header,
    h(
      'main',
      { class: 'page' },
      h('h1', { id: 'trash-title' }, i18n.t('trash.title')),
      h('p', { class: 'muted' }, i18n.t('trash.intro')),
      error,
      done,
      status,
      list,
    ),
  );
  load();
  return () => {
    disposed = true;
    closeDialog?.();
    refresh.cancel();
    stopEvents();
    root.replaceChildren();
  };
}
