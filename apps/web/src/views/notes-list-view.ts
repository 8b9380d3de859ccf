import { NOTE_TITLE_MAX_LENGTH, type NoteView } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';

/**
 * The notes page: the notes the person may open, newest first, each with their role on it; and,
 * for accounts (`canCreate`), a form to create a note with a title.
 */
export function mountNotesListView(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    api: NotesApi;
    header: HTMLElement;
    canCreate: boolean;
    navigate: (path: string) => void;
  },
): () => void {
  const { i18n, api, header, canCreate, navigate } = deps;
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

  function render(notes: NoteView[]): void {
    status.textContent = notes.length === 0 && canCreate ? i18n.t('notes.empty') : '';
    list.replaceChildren(
      ...notes.map((note) =>
        h(
          'li',
          {},
          h('a', { href: `/notes/${note.id}`, 'data-note-id': note.id }, note.title),
          h(
            'span',
            { class: 'note-meta' },
            h('span', { class: 'badge', 'data-role': note.role }, i18n.t(`role.${note.role}`)),
            h('span', { class: 'muted' }, i18n.t('notes.updated', { date: i18n.formatDateTime(note.updatedAt) })),
          ),
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
  const intro = canCreate ? form : h('p', { class: 'notice' }, i18n.t('notes.linkOnly'));
  root.replaceChildren(header, h('main', { class: 'page' }, h('h1', {}, i18n.t('notes.title')), intro, status, list));
  if (canCreate) titleInput.focus();
  return () => {
    disposed = true;
    root.replaceChildren();
  };
}
