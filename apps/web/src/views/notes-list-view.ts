import { NOTE_TITLE_MAX_LENGTH, type NoteSummary } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { notesApi } from '../notes-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';

/** The notes page: create a note with a title, and the list of notes, newest first. */
export function mountNotesListView(
  root: HTMLElement,
  deps: { i18n: Translator; api: typeof notesApi; header: HTMLElement; navigate: (path: string) => void },
): () => void {
  const { i18n, api, header, navigate } = deps;
  let disposed = false;

  const titleInput = h('input', {
    id: 'new-note-title',
    name: 'title',
    required: 'true',
    maxlength: String(NOTE_TITLE_MAX_LENGTH),
    placeholder: i18n.t('notes.create.placeholder'),
    autocomplete: 'off',
  });
  const createButton = h('button', { type: 'submit', class: 'primary' }, i18n.t('notes.create.submit'));
  const createError = h('p', { class: 'error', role: 'alert' });
  const form = h(
    'form',
    { class: 'card create-note' },
    h('label', { for: 'new-note-title' }, i18n.t('notes.create.label')),
    h('div', { class: 'row' }, titleInput, createButton),
    createError,
  );
  const list = h('ul', { class: 'note-list', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted' }, i18n.t('notes.loading'));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    createButton.disabled = true;
    createError.textContent = '';
    api.create(titleInput.value).then(
      (note) => navigate(`/notes/${note.id}`),
      (error: unknown) => {
        createButton.disabled = false;
        createError.textContent = i18n.t('notes.createFailed', { reason: describeApiError(error, i18n) });
      },
    );
  });

  function render(notes: NoteSummary[]): void {
    status.textContent = notes.length === 0 ? i18n.t('notes.empty') : '';
    list.replaceChildren(
      ...notes.map((note) =>
        h(
          'li',
          {},
          h('a', { href: `/notes/${note.id}`, 'data-note-id': note.id }, note.title),
          h('span', { class: 'muted' }, i18n.t('notes.updated', { date: i18n.formatDateTime(note.updatedAt) })),
        ),
      ),
    );
  }

  api.list().then(
    (notes) => {
      if (!disposed) render(notes);
    },
    (error: unknown) => {
      if (!disposed) status.textContent = i18n.t('notes.loadFailed', { reason: describeApiError(error, i18n) });
    },
  );

  document.title = `${i18n.t('notes.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(header, h('main', { class: 'page' }, h('h1', {}, i18n.t('notes.title')), form, status, list));
  titleInput.focus();
  return () => {
    disposed = true;
    root.replaceChildren();
  };
}
