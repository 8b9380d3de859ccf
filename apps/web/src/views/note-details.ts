import {
  NOTE_STATUSES,
  type NoteDetail,
  type NoteSummary,
  roleAllows,
  type StatusChange,
  type Theme,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { contributorsOf } from '../note-grouping.ts';
import type { NotesApi } from '../notes-api.ts';
import type { ThemesApi } from '../themes-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { fillSelect } from './form-field.ts';
import { lengthText, statusBadge, themeChip } from './note-badges.ts';

/** The side panel of a note's page; `update` shows the note as the server now has it. */
export type NoteDetails = {
  readonly element: HTMLElement;
  update(note: NoteDetail): void;
  /** Fetches the themes again, after someone added, renamed or deleted one. */
  reloadThemes(): void;
  /** Shows the length of the note as the editor has it now, rather than the server's count. */
  showLiveLength(length: Pick<NoteSummary, 'wordCount' | 'readingMinutes'>): void;
};

/**
 * "À propos de cette note": its theme and status (which editors and owners change here), its
 * length, its contributors and the history of its status, newest first. Changes are sent at once
 * and the panel shows what the server answered; `onChanged` passes that on to the page.
 */
export function createNoteDetails(deps: {
  i18n: Translator;
  note: NoteDetail;
  notes: NotesApi;
  themes: ThemesApi;
  onChanged: (note: NoteDetail) => void;
}): NoteDetails {
  const { i18n, notes, themes, onChanged } = deps;
  let note = deps.note;
  let themeList: Theme[] = [];
  let liveLength: Pick<NoteSummary, 'wordCount' | 'readingMinutes'> | null = null;
  const editable = roleAllows(note.role, 'write');
  const describe = (error: unknown) => i18n.t('note.changeFailed', { reason: describeApiError(error, i18n) });

  const error = h('p', { class: 'error', role: 'alert' });
  const themeSelect = h('select', { id: 'note-theme' });
  const statusSelect = h('select', { id: 'note-status' });
  for (const status of NOTE_STATUSES)
    statusSelect.append(h('option', { value: status }, i18n.t(`noteStatus.${status}`)));
  const themeValue = h('div', { class: 'detail-value' });
  const statusValue = h('div', { class: 'detail-value' });
  const length = h('p', { class: 'detail-value' });
  const people = h('p', { class: 'detail-value' });
  const history = h('ol', { class: 'status-history', 'aria-labelledby': 'note-history-title' });

  const detail = (label: string, value: HTMLElement, controlId?: string) =>
    h('div', { class: 'detail' }, controlId ? h('label', { for: controlId }, label) : h('h3', {}, label), value);
  const element = h(
    'aside',
    { class: 'note-details', 'aria-labelledby': 'note-details-title' },
    h('h2', { id: 'note-details-title' }, i18n.t('note.about')),
    detail(i18n.t('note.theme'), editable ? themeSelect : themeValue, editable ? 'note-theme' : undefined),
    detail(i18n.t('note.status'), editable ? statusSelect : statusValue, editable ? 'note-status' : undefined),
    error,
    detail(i18n.t('note.length'), length),
    detail(i18n.t('note.contributors'), people),
    h('div', { class: 'detail' }, h('h3', { id: 'note-history-title' }, i18n.t('note.history')), history),
  );

  function send(change: Promise<NoteDetail>, select: HTMLSelectElement): void {
    error.textContent = '';
    select.disabled = true;
    change.then(
      (changed) => {
        select.disabled = false;
        update(changed);
        onChanged(changed);
      },
      (failure: unknown) => {
        select.disabled = false;
        // The select goes back to what the note really is.
        update(note);
        error.textContent = describe(failure);
      },
    );
  }
  themeSelect.addEventListener('change', () =>
    send(notes.update(note.id, { themeId: themeSelect.value || null }), themeSelect),
  );
  statusSelect.addEventListener('change', () => {
    const status = NOTE_STATUSES.find((candidate) => candidate === statusSelect.value);
    if (status) send(notes.setStatus(note.id, status), statusSelect);
  });

  function renderThemeOptions(): void {
    fillSelect(
      themeSelect,
      [
        ['', i18n.t('notes.noTheme')],
        ...[...themeList]
          .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
          .map((theme) => [theme.id, theme.name] as const),
      ],
      note.themeId ?? '',
    );
  }

  function update(next: NoteDetail): void {
    note = next;
    const theme = themeList.find((item) => item.id === note.themeId) ?? null;
    if (editable) {
      renderThemeOptions();
      statusSelect.value = note.status;
    } else {
      themeValue.replaceChildren(themeChip(theme, i18n));
      statusValue.replaceChildren(statusBadge(note.status, i18n));
    }
    showLength();
    const names = contributorsOf([note], i18n.language).map((person) => person.name);
    people.textContent = names.length > 0 ? i18n.formatList(names) : i18n.t('note.noContributors');
    history.replaceChildren(...[...note.statusHistory].reverse().map(renderChange));
    if (note.statusHistory.length === 0) history.append(h('li', { class: 'muted' }, i18n.t('note.historyEmpty')));
  }

  // The server recounts a few seconds after writing; the editor's own count is live.
  function showLength(): void {
    length.textContent = lengthText(liveLength ?? note, i18n);
    if (liveLength) length.removeAttribute('title');
    else length.title = i18n.t('note.lengthHint');
  }

  function showLiveLength(live: Pick<NoteSummary, 'wordCount' | 'readingMinutes'>): void {
    liveLength = live;
    showLength();
  }

  function renderChange(change: StatusChange): HTMLElement {
    const name = change.by?.name ?? i18n.t('history.someone');
    const what =
      change.from === null ? i18n.t('history.created', { name }) : i18n.t(`history.to.${change.to}`, { name });
    return h(
      'li',
      { 'data-status': change.to },
      h('span', { class: 'history-what' }, what),
      ' · ',
      h('time', { datetime: change.at }, i18n.formatLongDateTime(change.at)),
    );
  }

  function reloadThemes(): void {
    themes.list().then(
      (list) => {
        themeList = list;
        update(note);
      },
      (failure: unknown) => {
        error.textContent = i18n.t('themes.loadFailed', { reason: describeApiError(failure, i18n) });
      },
    );
  }

  update(note);
  reloadThemes();
  return { element, update, reloadThemes, showLiveLength };
}
