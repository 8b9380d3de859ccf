import { NOTE_TITLE_MAX_LENGTH, type NoteDetail, updateNoteRequest } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import { checkRequest } from '../validate-request.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';

/** A note's title as the page's heading, which editors can rename in place. */
export type NoteTitle = {
  readonly element: HTMLElement;
  /** Shows the title as the server now has it, unless the person is renaming. */
  update(note: NoteDetail): void;
};

/**
 * The note's `<h1>`, with a "Renommer" button when `canRename`: it swaps the heading for a small
 * form (Enter saves, Escape cancels) and calls `onRenamed` with the renamed note.
 */
export function createNoteTitle(deps: {
  i18n: Translator;
  note: NoteDetail;
  notes: NotesApi;
  canRename: boolean;
  onRenamed: (note: NoteDetail) => void;
}): NoteTitle {
  const { i18n, notes, canRename, onRenamed } = deps;
  let note = deps.note;
  const heading = h('h1', { class: 'note-title' }, note.title);
  const element = h('div', { class: 'note-title-row' }, heading);
  const showTitle = (next: NoteDetail) => {
    heading.textContent = next.title;
  };
  if (!canRename) return { element, update: showTitle };

  const rename = h('button', { type: 'button', class: 'secondary small' }, i18n.t('note.rename'));
  const input = h('input', {
    id: 'note-title-input',
    name: 'title',
    required: '',
    maxlength: String(NOTE_TITLE_MAX_LENGTH),
    autocomplete: 'off',
  });
  const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
  const form = h('form', { class: 'rename-form', novalidate: '', hidden: '' });
  const feedback = createFormFeedback(form, (error) =>
    i18n.t('note.changeFailed', { reason: describeApiError(error, i18n) }),
  );
  form.append(
    h('label', { for: 'note-title-input' }, i18n.t('note.renameLabel')),
    h('div', { class: 'row' }, input, h('button', { type: 'submit', class: 'primary' }, i18n.t('common.save')), cancel),
    ...feedback.elements,
  );
  element.append(rename, form);

  const editing = (on: boolean) => {
    heading.hidden = on;
    rename.hidden = on;
    form.hidden = !on;
    if (on) {
      input.value = note.title;
      input.select();
    } else rename.focus();
  };
  rename.addEventListener('click', () => editing(true));
  cancel.addEventListener('click', () => editing(false));
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    editing(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const checked = checkRequest(updateNoteRequest, { title: input.value });
      if (!checked.ok || checked.value.title === undefined) {
        feedback.fail(i18n.t('newNote.titleRequired', { max: NOTE_TITLE_MAX_LENGTH }), input);
        return;
      }
      if (checked.value.title !== note.title) onRenamed(await notes.update(note.id, { title: checked.value.title }));
      editing(false);
    });
  });
  return {
    element,
    update(next) {
      note = next;
      showTitle(next);
    },
  };
}
