import {
  createNoteRequest,
  NOTE_TITLE_MAX_LENGTH,
  type NoteDetail,
  type TemplateSummary,
  type Theme,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { NotesApi } from '../notes-api.ts';
import type { TemplatesApi } from '../templates-api.ts';
import { checkRequest } from '../validate-request.ts';
import { describeApiError } from './describe-api-error.ts';
import { openDialog } from './dialog-frame.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField, selectOf } from './form-field.ts';

/**
 * Opens the "Nouvelle note" dialog: a title, a theme (`themeId` chosen at first) and a template
 * to start from ("Page blanche" or one of the team's). Creates the note, closes, and hands it to
 * `onCreated`. Returns a function that closes the dialog.
 */
export function openNewNoteDialog(deps: {
  i18n: Translator;
  notes: NotesApi;
  templates: TemplatesApi;
  themes: readonly Theme[];
  themeId: string | null;
  onCreated: (note: NoteDetail) => void;
}): () => void {
  const { i18n, notes, templates, themes, themeId, onCreated } = deps;
  const frame = openDialog({ i18n, title: i18n.t('newNote.title'), className: 'new-note-dialog' });

  const title = h('input', {
    id: 'new-note-title',
    name: 'title',
    required: '',
    maxlength: String(NOTE_TITLE_MAX_LENGTH),
    placeholder: i18n.t('newNote.placeholder'),
    autocomplete: 'off',
  });
  const theme = selectOf(
    { id: 'new-note-theme', name: 'theme' },
    [['', i18n.t('notes.noTheme')] as const, ...themes.map((item) => [item.id, item.name] as const)],
    themes.some((item) => item.id === themeId) ? (themeId ?? '') : '',
  );
  const template = selectOf({ id: 'new-note-template', name: 'template' }, [['', i18n.t('newNote.blank')]], '');
  const templateField = formField(i18n.t('newNote.template'), template, i18n.t('newNote.blankHint'));
  const hint = templateField.querySelector('.hint');
  let known: TemplateSummary[] = [];
  template.addEventListener('change', () => {
    const chosen = known.find((item) => item.id === template.value);
    if (hint) hint.textContent = chosen ? chosen.description : i18n.t('newNote.blankHint');
  });

  const form = h('form', { class: 'stack', novalidate: '' });
  const feedback = createFormFeedback(form, (error) =>
    i18n.t('newNote.failed', { reason: describeApiError(error, i18n) }),
  );
  const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
  cancel.addEventListener('click', () => frame.close());
  form.append(
    formField(i18n.t('newNote.name'), title),
    h('div', { class: 'grid-2' }, formField(i18n.t('newNote.theme'), theme), templateField),
    ...feedback.elements,
    h(
      'div',
      { class: 'dialog-actions' },
      cancel,
      h('button', { type: 'submit', class: 'primary' }, i18n.t('newNote.submit')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const checked = checkRequest(createNoteRequest, {
        title: title.value,
        themeId: theme.value || null,
        templateId: template.value || null,
      });
      if (!checked.ok) {
        feedback.fail(i18n.t('newNote.titleRequired', { max: NOTE_TITLE_MAX_LENGTH }), title);
        return;
      }
      const note = await notes.create(checked.value);
      frame.close();
      onCreated(note);
    });
  });
  frame.body.append(form);
  title.focus();

  // Until the templates arrive, or if they cannot, a blank page is still a fine start.
  templates.list().then(
    (list) => {
      known = [...list].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
      template.append(...known.map((item) => h('option', { value: item.id }, item.name)));
    },
    () => undefined,
  );
  return () => frame.close();
}
