import {
  type NoteView,
  PACK_MAX_NOTES,
  type PackNoteSource,
  type PackRequest,
  type PackSource,
  type Theme,
} from '@plume/protocol';
import { ApiCallError } from '../api-client.ts';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import type { PackApi } from '../pack-api.ts';
import type { ThemesApi } from '../themes-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { checkboxField, formField, selectOf } from './form-field.ts';

/** Today in the person's time zone, as a date input writes it (YYYY-MM-DD). */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The briefing pack: notes chosen by hand or all validated notes of a theme, put in reading
 * order, a cover and print options (which version of each note, and the page of changes since
 * the last pack); each chosen note says which version will print and the last pack that held
 * it. The server renders one PDF, and where it cannot (no Chromium) the page prints the same
 * pack from the browser.
 */
export function mountPackView(
  root: HTMLElement,
  deps: { i18n: Translator; notes: NotesApi; themes: ThemesApi; packs: PackApi; header: HTMLElement },
): () => void {
  const { i18n, notes, themes, packs, header } = deps;
  let disposed = false;
  let available: NoteView[] = [];
  const chosen: string[] = [];
  let frame: HTMLIFrameElement | null = null;
  let downloadUrl: string | null = null;
  // What the server said of each chosen note: its validated version and its last pack.
  const sources = new Map<string, PackNoteSource>();
  const asking = new Set<string>();
  const shortDate = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short' });

  const titleOf = (noteId: string) => available.find((note) => note.id === noteId)?.title ?? noteId;

  const listStatus = h('p', { class: 'muted' }, i18n.t('pack.loading'));
  const noteList = h('ul', { class: 'pack-notes', 'aria-labelledby': 'pack-notes-title' });
  const themeSelect = h('select', { id: 'pack-theme' });
  const addTheme = h('button', { type: 'button', class: 'secondary' }, i18n.t('pack.addThemeButton'));
  const themeStatus = h('p', { class: 'muted', role: 'status' });
  const orderList = h('ol', { class: 'pack-order', 'aria-labelledby': 'pack-order-title' });
  const orderEmpty = h('p', { class: 'muted' }, i18n.t('pack.orderEmpty'));
  const orderStatus = h('p', { class: 'visually-hidden', role: 'status' });
  const coverTitle = h('input', {
    id: 'pack-cover-title',
    type: 'text',
    maxlength: '200',
    value: i18n.t('pack.coverTitleDefault'),
  });
  const coverDate = h('input', { id: 'pack-cover-date', type: 'date', value: today(), required: '' });
  const recipient = h('input', { id: 'pack-recipient', type: 'text', maxlength: '200' });
  const paper = selectOf(
    { id: 'pack-paper' },
    [
      ['A4', 'A4'],
      ['Letter', 'Letter'],
    ],
    'A4',
  );
  const doubleSided = h('input', { id: 'pack-double-sided', type: 'checkbox' });
  const largeType = h('input', { id: 'pack-large-type', type: 'checkbox' });
  const sourceValidated = h('input', { id: 'pack-source-validated', type: 'radio', name: 'pack-source' });
  const sourceCurrent = h('input', { id: 'pack-source-current', type: 'radio', name: 'pack-source' });
  sourceValidated.checked = true;
  const sinceLastPack = h('input', { id: 'pack-since-last', type: 'checkbox' });
  const sourcesStatus = h('p', { class: 'muted', role: 'status' });
  const source = (): PackSource => (sourceCurrent.checked ? 'current' : 'validated');
  for (const radio of [sourceValidated, sourceCurrent]) radio.addEventListener('change', () => renderOrder());
  const produce = h('button', { type: 'submit', class: 'primary' }, i18n.t('pack.produce'));
  const error = h('p', { class: 'error', role: 'alert' });
  const done = h('p', { class: 'success', role: 'status' });
  const printFromBrowser = h(
    'button',
    { type: 'button', class: 'secondary', hidden: '' },
    i18n.t('pack.printFromBrowser'),
  );

  function renderNotes(): void {
    listStatus.textContent = available.length === 0 ? i18n.t('pack.noNotes') : '';
    noteList.replaceChildren(
      ...available.map((note) => {
        const box = h('input', { type: 'checkbox', id: `pack-note-${note.id}` });
        box.checked = chosen.includes(note.id);
        box.addEventListener('change', () => {
          if (box.checked) add([note.id]);
          else remove(note.id);
        });
        return h('li', {}, checkboxField(note.title, box));
      }),
    );
  }

  function renderOrder(focus: { noteId: string; action: string } | null = null): void {
    orderEmpty.hidden = chosen.length > 0;
    orderList.replaceChildren(
      ...chosen.map((noteId, index) => {
        const title = titleOf(noteId);
        const button = (action: string, label: string, text: string, disabled: boolean, onClick: () => void) => {
          const element = h(
            'button',
            { type: 'button', class: 'secondary small', 'aria-label': label, 'data-action': action },
            text,
          );
          element.disabled = disabled;
          element.addEventListener('click', onClick);
          return element;
        };
        const item = h(
          'li',
          { class: 'pack-order-item', 'data-note-id': noteId },
          h(
            'span',
            { class: 'pack-order-title' },
            title,
            h('span', { class: 'pack-order-source' }, describeSource(noteId)),
          ),
          h(
            'span',
            { class: 'actions' },
            button('up', i18n.t('pack.moveUp', { title }), '↑', index === 0, () => move(index, -1)),
            button('down', i18n.t('pack.moveDown', { title }), '↓', index === chosen.length - 1, () => move(index, 1)),
            button('remove', i18n.t('pack.remove', { title }), '×', false, () => remove(noteId)),
          ),
        );
        return item;
      }),
    );
    if (focus) {
      const item = orderList.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(focus.noteId)}"]`);
      const target = item?.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]`);
      // At the top or bottom the button that was pressed is disabled: the other one keeps the keyboard there.
      const fallback = item?.querySelector<HTMLButtonElement>('button:not(:disabled)');
      (target && !target.disabled ? target : fallback)?.focus();
    }
    askSources();
  }

  function describeSource(noteId: string): string {
    const known = sources.get(noteId);
    if (!known) return '';
    const printed =
      source() === 'validated' && known.validated
        ? i18n.t('pack.willPrintValidated', { date: shortDate.format(new Date(known.validated.createdAt)) })
        : i18n.t('pack.willPrintCurrent');
    // A cover's date is a calendar day: read at noon UTC, it stays that day in every time zone near ours.
    const last = known.lastPack
      ? i18n.t('pack.lastPack', {
          title: known.lastPack.title,
          date: shortDate.format(new Date(`${known.lastPack.date}T12:00:00Z`)),
        })
      : i18n.t('pack.neverPacked');
    return `${printed} · ${last}`;
  }

  /** Asks the server about chosen notes it has not described yet, then shows what it said. */
  function askSources(): void {
    const missing = chosen.filter((noteId) => !sources.has(noteId) && !asking.has(noteId)).slice(0, PACK_MAX_NOTES);
    if (missing.length === 0) return;
    for (const noteId of missing) asking.add(noteId);
    packs.sources(missing).then(
      (answer) => {
        for (const noteId of missing) asking.delete(noteId);
        for (const note of answer.notes) sources.set(note.noteId, note);
        if (disposed) return;
        sourcesStatus.textContent = '';
        renderOrder();
      },
      (failure: unknown) => {
        for (const noteId of missing) asking.delete(noteId);
        if (!disposed) sourcesStatus.textContent = describeApiError(failure, i18n);
      },
    );
  }

  function add(noteIds: readonly string[]): number {
    let added = 0;
    for (const noteId of noteIds) {
      if (chosen.includes(noteId)) continue;
      chosen.push(noteId);
      added++;
    }
    renderNotes();
    renderOrder();
    return added;
  }

  function remove(noteId: string): void {
    const index = chosen.indexOf(noteId);
    if (index >= 0) chosen.splice(index, 1);
    renderNotes();
    renderOrder();
  }

  function move(index: number, by: -1 | 1): void {
    const noteId = chosen[index];
    const target = index + by;
    if (noteId === undefined || target < 0 || target >= chosen.length) return;
    chosen.splice(index, 1);
    chosen.splice(target, 0, noteId);
    renderOrder({ noteId, action: by < 0 ? 'up' : 'down' });
    orderStatus.textContent = i18n.t('pack.moved', { title: titleOf(noteId), position: target + 1 });
  }

  addTheme.addEventListener('click', () => {
    const themeId = themeSelect.value;
    const validated = available.filter((note) => note.themeId === themeId && note.status === 'validated');
    const added = add(validated.map((note) => note.id));
    themeStatus.textContent = added === 0 ? i18n.t('pack.themeNone') : i18n.tCount('pack.themeAdded', added);
  });

  function request(): PackRequest {
    return {
      noteIds: [...chosen],
      cover: { title: coverTitle.value, date: coverDate.value, recipient: recipient.value },
      paper: paper.value === 'Letter' ? 'Letter' : 'A4',
      doubleSided: doubleSided.checked,
      largeType: largeType.checked,
      source: source(),
      sinceLastPack: sinceLastPack.checked,
    };
  }

  function problem(): string | null {
    if (chosen.length === 0) return i18n.t('pack.needNotes');
    if (chosen.length > PACK_MAX_NOTES) return i18n.t('pack.tooMany', { max: PACK_MAX_NOTES });
    if (coverTitle.value.trim() === '') return i18n.t('pack.needTitle');
    return null;
  }

  const form = h('form', { class: 'pack-form', novalidate: '' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    done.textContent = '';
    printFromBrowser.hidden = true;
    const wrong = problem();
    if (wrong) {
      error.textContent = wrong;
      return;
    }
    produce.disabled = true;
    done.textContent = i18n.t('pack.producing');
    packs.pdf(request(), i18n.language).then(
      ({ blob, fileName }) => {
        produce.disabled = false;
        if (disposed) return;
        if (downloadUrl) URL.revokeObjectURL(downloadUrl);
        downloadUrl = URL.createObjectURL(blob);
        const link = h('a', { href: downloadUrl, download: fileName, hidden: '' });
        document.body.append(link);
        link.click();
        link.remove();
        done.textContent = i18n.t('pack.produced');
        // The pack is now the last one of its notes.
        sources.clear();
        renderOrder();
      },
      (failure: unknown) => {
        produce.disabled = false;
        if (disposed) return;
        done.textContent = '';
        const unavailable = failure instanceof ApiCallError && failure.code === 'printUnavailable';
        // The server says why in the language it was asked in; other failures are worded here.
        error.textContent = unavailable ? failure.message : describeApiError(failure, i18n);
        printFromBrowser.hidden = !unavailable;
      },
    );
  });

  printFromBrowser.addEventListener('click', () => {
    frame?.remove();
    // Hidden but laid out: a frame with display: none has nothing to print.
    // Its own CSP already runs nothing; the sandbox says so again, and lets it open the print dialog.
    frame = h('iframe', {
      class: 'pack-print-frame',
      title: i18n.t('pack.printFrame'),
      tabindex: '-1',
      sandbox: 'allow-same-origin allow-modals',
    });
    const printing = frame;
    printing.addEventListener('load', () => printing.contentWindow?.print(), { once: true });
    printing.src = packs.htmlUrl(request(), i18n.language);
    document.body.append(printing);
  });

  const section = (id: string, title: string, ...children: Node[]) =>
    h('section', { class: 'pack-section', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
  form.append(
    section(
      'pack-notes-title',
      i18n.t('pack.notes'),
      h(
        'div',
        { class: 'pack-theme-add' },
        h('p', {}, i18n.t('pack.addTheme')),
        h('div', { class: 'actions' }, formField(i18n.t('pack.themeLabel'), themeSelect), addTheme),
        themeStatus,
      ),
      listStatus,
      noteList,
    ),
    section('pack-order-title', i18n.t('pack.order'), orderEmpty, orderList, orderStatus, sourcesStatus),
    section(
      'pack-cover-heading',
      i18n.t('pack.cover'),
      formField(i18n.t('pack.coverTitle'), coverTitle),
      formField(i18n.t('pack.coverDate'), coverDate),
      formField(i18n.t('pack.coverRecipient'), recipient),
    ),
    section(
      'pack-options-title',
      i18n.t('pack.options'),
      formField(i18n.t('pack.paper'), paper),
      checkboxField(i18n.t('pack.doubleSided'), doubleSided),
      checkboxField(i18n.t('pack.largeType'), largeType),
      h(
        'fieldset',
        { class: 'pack-source' },
        h('legend', {}, i18n.t('pack.source')),
        checkboxField(i18n.t('pack.sourceValidated'), sourceValidated),
        checkboxField(i18n.t('pack.sourceCurrent'), sourceCurrent),
      ),
      checkboxField(i18n.t('pack.sinceLastPack'), sinceLastPack),
    ),
    h('div', { class: 'actions' }, produce, printFromBrowser),
    error,
    done,
  );

  Promise.all([notes.list({ sort: 'title', order: 'asc' }), themes.list()]).then(
    ([list, themeList]: [NoteView[], Theme[]]) => {
      if (disposed) return;
      available = list;
      themeSelect.replaceChildren(...themeList.map((theme) => h('option', { value: theme.id }, theme.name)));
      addTheme.disabled = themeList.length === 0;
      renderNotes();
      renderOrder();
    },
    (failure: unknown) => {
      if (!disposed) listStatus.textContent = describeApiError(failure, i18n);
    },
  );

  document.title = `${i18n.t('pack.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    header,
    h(
      'main',
      { class: 'page pack-page' },
      h('h1', {}, i18n.t('pack.title')),
      h('p', { class: 'muted' }, i18n.t('pack.intro')),
      form,
    ),
  );
  renderOrder();
  return () => {
    disposed = true;
    frame?.remove();
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    root.replaceChildren();
  };
}
