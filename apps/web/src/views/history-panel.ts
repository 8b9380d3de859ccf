import { type NoteDetail, type PackedNote, roleAllows, type VersionSummary } from '@plume/protocol';
import { type AuthorshipApi, authorshipApi } from '../authorship-api.ts';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { type PackApi, packApi } from '../pack-api.ts';
import { throttle } from '../throttle.ts';
import type { VersionsApi } from '../versions-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { keepFocus } from './keep-focus.ts';
import { openNameVersionDialog } from './name-version-dialog.ts';
import { openVersionComparisonDialog } from './version-comparison-dialog.ts';
import { openVersionDialog } from './version-dialog.ts';

/** While the note changes, its versions are fetched again at most this often: 10 s, in ms. */
const REFRESH_INTERVAL_MS = 10_000;

/**
 * Automatic versions are frozen by the server after a pause in editing, when nothing on the page
 * changes: the open panel looks again this often all the same (1 min, in ms).
 */
const QUIET_REFRESH_MS = 60_000;

/** The history of one note, drawn inside its disclosure; see `mountHistoryPanel`. */
export type HistoryPanel = {
  /** The note's document changed: the versions are fetched again, at most every 10 s. */
  noteChanged(): void;
  /** Fetches the versions now, as when the panel is opened again. */
  refresh(): void;
  dispose(): void;
};

/**
 * "Historique": a note's versions, newest first, each with its date, kind, name, authors and
 * length; a slider over them, oldest on the left as in Etherpad's timeslider, kept in step with the
 * list; a click opens a version read-only, from where editors and owners restore it. The version
 * the slider stands on is compared with the note as it is now or with the version before it, each
 * change attributed to its author. Editors and owners also name the current state. After a
 * restore, the panel offers to undo it by restoring the version frozen just before. `isShown` says
 * whether the panel is open: closed, it fetches nothing.
 */
export function mountHistoryPanel(
  container: HTMLElement,
  deps: {
    i18n: Translator;
    note: NoteDetail;
    notes: Pick<NotesApi, 'get'>;
    versions: VersionsApi;
    /** The authorship API, for comparisons; the browser's own unless a test passes another. */
    authorship?: Pick<AuthorshipApi, 'compare'>;
    /** Which pack last printed the note; the browser's own unless a test passes another. */
    packs?: Pick<PackApi, 'sources'>;
    isShown: () => boolean;
  },
): HistoryPanel {
  const { i18n, note, notes, versions, isShown, authorship = authorshipApi, packs = packApi } = deps;
  const noteId = note.id;
  const canWrite = roleAllows(note.role, 'write');
  const names = new Map<string, string>();
  const askedFor = new Set<string>();
  let list: VersionSummary[] | null = null;
  let selectedId: string | null = null;
  let disposed = false;
  let sequence = 0;
  let closeDialog: (() => void) | null = null;
  learnNames(note);

  const error = h('p', { class: 'error', role: 'alert' });
  const notice = h('div', { class: 'history-notice', role: 'status' });
  const sliderId = `history-slider-${noteId}`;
  const slider = h('input', {
    type: 'range',
    id: sliderId,
    class: 'history-slider',
    min: '0',
    step: '1',
    'aria-describedby': `${sliderId}-hint`,
  });
  // Each of these opens a dialog over the panel.
  const dialogButton = (text: string, className = 'secondary') =>
    h('button', { type: 'button', class: className, 'aria-haspopup': 'dialog' }, text);
  const openSelected = dialogButton(i18n.t('history.open'));
  const compareCurrent = dialogButton(i18n.t('history.compareCurrent'));
  const comparePrevious = dialogButton(i18n.t('history.comparePrevious'));
  const sliderBlock = h(
    'div',
    { class: 'history-timeslider' },
    h('label', { for: sliderId, class: 'history-slider-label' }, i18n.t('history.slider')),
    slider,
    h('p', { class: 'hint', id: `${sliderId}-hint` }, i18n.t('history.sliderHint')),
    openSelected,
    h('div', { class: 'history-compare' }, compareCurrent, comparePrevious),
  );
  // What the candidate read last: the version the newest pack holding this note printed.
  let lastPack: PackedNote | null = null;
  const compareLastPack = dialogButton('', 'secondary history-last-pack');
  compareLastPack.hidden = true;
  const items = h('ol', { class: 'history-list', 'aria-label': i18n.t('history.listLabel') });
  const status = h('p', { class: 'muted', role: 'status' }, i18n.t('history.loading'));
  container.replaceChildren(error, notice, compareLastPack, sliderBlock, status, items);
  sliderBlock.hidden = true;

  if (canWrite) {
    const name = dialogButton(i18n.t('history.name'), 'secondary history-name');
    name.addEventListener('click', () => {
      closeDialog?.();
      closeDialog = openNameVersionDialog({
        i18n,
        versions,
        noteId,
        onNamed: (named) => {
          selectedId = named.id;
          showNotice(i18n.t('history.named', { name: named.name ?? labelOf(named) }));
          refresh();
        },
        onClosed: () => {
          closeDialog = null;
          name.focus();
        },
      });
    });
    container.prepend(name);
  }

  function learnNames(from: Pick<NoteDetail, 'owner' | 'contributors'>): void {
    for (const person of [from.owner, ...from.contributors]) if (person) names.set(person.id, person.name);
  }

  function labelOf(version: VersionSummary): string {
    return version.name ?? i18n.t('history.versionOf', { date: i18n.formatLongDateTime(version.createdAt) });
  }

  function refresh(): void {
    if (disposed || !isShown()) return;
    sequence += 1;
    const asked = sequence;
    versions.list(noteId).then(
      (answer) => {
        // An older answer arriving after a newer one must not bring back a stale list.
        if (disposed || asked !== sequence) return;
        list = answer;
        error.textContent = '';
        draw();
        resolveAuthors(answer);
        findLastPack();
      },
      (failure: unknown) => {
        if (disposed || asked !== sequence) return;
        status.textContent = '';
        error.textContent = i18n.t('history.loadFailed', { reason: describeApiError(failure, i18n) });
      },
    );
  }

  function findLastPack(): void {
    packs.sources([noteId]).then(
      (answer) => {
        if (disposed) return;
        lastPack = answer.notes[0]?.lastPack ?? null;
        const printed = lastPack && list?.some((version) => version.id === lastPack?.versionId);
        compareLastPack.hidden = !printed;
        if (lastPack) {
          compareLastPack.textContent = i18n.t('history.compareLastPack', {
            title: lastPack.title,
            date: i18n.formatDate(`${lastPack.date}T12:00:00Z`),
          });
        }
      },
      // Without it the panel still works; the button stays hidden.
      () => undefined,
    );
  }

  compareLastPack.addEventListener('click', () => {
    const printed = list?.find((version) => version.id === lastPack?.versionId);
    if (!printed) return;
    select(printed.id);
    closeDialog?.();
    closeDialog = openVersionComparisonDialog({
      i18n,
      authorship,
      noteId,
      from: printed,
      to: null,
      labelOf,
      onClosed: () => {
        closeDialog = null;
        compareLastPack.focus();
      },
    });
  });

  // Authors are account ids; the note names those who edited it. Someone new since the page opened
  // is looked up once; ids the note cannot name (a deleted account) are left out.
  function resolveAuthors(answer: readonly VersionSummary[]): void {
    const unknown = answer.flatMap((version) => version.authors).filter((id) => !names.has(id) && !askedFor.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) askedFor.add(id);
    notes.get(noteId).then(
      (latest) => {
        if (disposed) return;
        learnNames(latest);
        draw();
      },
      (failure: unknown) => {
        if (!disposed) error.textContent = i18n.t('history.loadFailed', { reason: describeApiError(failure, i18n) });
      },
    );
  }

  function draw(): void {
    if (list === null) return;
    const shown = list;
    if (!shown.some((version) => version.id === selectedId)) selectedId = shown[0]?.id ?? null;
    status.textContent = shown.length === 0 ? i18n.t('history.empty') : '';
    status.hidden = shown.length > 0;
    sliderBlock.hidden = shown.length === 0;
    slider.max = String(Math.max(0, shown.length - 1));
    keepFocus(items, () => items.replaceChildren(...shown.map(renderVersion)));
    select(selectedId);
  }

  function renderVersion(version: VersionSummary): HTMLElement {
    const authors = version.authors.flatMap((id) => names.get(id) ?? []);
    const button = h(
      'button',
      { type: 'button', class: 'version-item', 'data-focus-key': version.id, 'aria-haspopup': 'dialog' },
      h(
        'span',
        { class: 'version-line' },
        h('time', { datetime: version.createdAt }, i18n.formatDateTime(version.createdAt)),
        h('span', { class: 'badge version-kind', 'data-kind': version.kind }, i18n.t(`history.kind.${version.kind}`)),
      ),
    );
    if (version.name !== null) button.append(h('span', { class: 'version-name' }, version.name));
    const meta = [
      ...(authors.length > 0 ? [i18n.t('history.by', { names: i18n.formatList(authors) })] : []),
      i18n.tCount('notes.words', version.wordCount),
    ];
    button.append(h('span', { class: 'version-meta' }, meta.join(' · ')));
    // Moving through the list with the keyboard moves the slider with it.
    button.addEventListener('focus', () => select(version.id));
    button.addEventListener('click', () => open(version, button));
    return h('li', { 'data-version-id': version.id }, button);
  }

  // The slider runs from the oldest version (0) to the newest; the list runs the other way.
  function select(versionId: string | null): void {
    if (list === null) return;
    const index = list.findIndex((version) => version.id === versionId);
    const version = list[index];
    if (!version) return;
    selectedId = version.id;
    slider.value = String(list.length - 1 - index);
    slider.setAttribute('aria-valuetext', `${labelOf(version)} · ${i18n.t(`history.kind.${version.kind}`)}`);
    // The oldest version has nothing before it to be compared with.
    comparePrevious.disabled = index === list.length - 1;
    for (const item of items.querySelectorAll<HTMLElement>('.version-item')) {
      if (item.dataset.focusKey === version.id) item.setAttribute('aria-current', 'true');
      else item.removeAttribute('aria-current');
    }
  }

  slider.addEventListener('input', () => {
    if (list === null) return;
    const version = list[list.length - 1 - Number(slider.value)];
    if (!version) return;
    select(version.id);
    items.querySelector(`[data-version-id="${CSS.escape(version.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  });
  openSelected.addEventListener('click', () => {
    const version = list?.find((candidate) => candidate.id === selectedId);
    if (version) open(version, openSelected);
  });

  // The list runs newest first: the version before the selected one comes after it.
  function compareSelected(withPrevious: boolean, from: HTMLElement): void {
    if (list === null) return;
    const index = list.findIndex((version) => version.id === selectedId);
    const version = list[index];
    const previous = list[index + 1];
    if (!version || (withPrevious && !previous)) return;
    closeDialog?.();
    closeDialog = openVersionComparisonDialog({
      i18n,
      authorship,
      noteId,
      from: withPrevious && previous ? previous : version,
      to: withPrevious ? version : null,
      labelOf,
      onClosed: () => {
        closeDialog = null;
        (from.isConnected ? from : slider).focus();
      },
    });
  }
  compareCurrent.addEventListener('click', () => compareSelected(false, compareCurrent));
  comparePrevious.addEventListener('click', () => compareSelected(true, comparePrevious));

  function open(version: VersionSummary, from: HTMLElement): void {
    select(version.id);
    closeDialog?.();
    closeDialog = openVersionDialog({
      i18n,
      versions,
      noteId,
      version,
      label: labelOf(version),
      canRestore: canWrite,
      onRestored: (restored) => {
        selectedId = restored.id;
        showNotice(i18n.t('history.restored', { version: labelOf(version) }), restored);
        refresh();
      },
      onClosed: () => {
        closeDialog = null;
        // The list may have been drawn again meanwhile: the version's new button takes the focus.
        const again = items.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(version.id)}"]`);
        (from.isConnected ? from : (again ?? slider)).focus();
      },
    });
  }

  // After a restore, "Annuler la restauration" restores the version just older than the restored
  // one: the note as it was, which the server froze before restoring.
  function showNotice(message: string, restored: VersionSummary | null = null): void {
    notice.replaceChildren(h('p', { class: 'success' }, message));
    if (!restored || !canWrite) return;
    const undo = h('button', { type: 'button', class: 'secondary' }, i18n.t('history.undoRestore'));
    undo.addEventListener('click', () => {
      const index = list?.findIndex((version) => version.id === restored.id) ?? -1;
      const before = index >= 0 ? list?.[index + 1] : undefined;
      // Not listed yet: the list is fetched again, and the next click finds it.
      if (!before) {
        refresh();
        return;
      }
      undo.disabled = true;
      versions.restore(noteId, before.id).then(
        (undone) => {
          if (disposed) return;
          selectedId = undone.id;
          showNotice(i18n.t('history.undone'));
          refresh();
        },
        (failure: unknown) => {
          if (disposed) return;
          undo.disabled = false;
          error.textContent = i18n.t('history.failed', { reason: describeApiError(failure, i18n) });
        },
      );
    });
    notice.append(undo);
  }

  const changes = throttle(refresh, REFRESH_INTERVAL_MS);
  const quiet = setInterval(() => changes.call(), QUIET_REFRESH_MS);
  refresh();

  return {
    noteChanged: () => changes.call(),
    refresh,
    dispose() {
      disposed = true;
      changes.cancel();
      clearInterval(quiet);
      closeDialog?.();
      container.replaceChildren();
    },
  };
}
