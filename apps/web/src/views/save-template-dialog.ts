import {
  createTemplateRequest,
  type NoteDetail,
  TEMPLATE_DESCRIPTION_MAX_LENGTH,
  TEMPLATE_NAME_MAX_LENGTH,
  type TemplateSummary,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { TemplatesApi } from '../templates-api.ts';
import { checkRequest } from '../validate-request.ts';
import { describeApiError } from './describe-api-error.ts';
import { openDialog } from './dialog-frame.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';
import { reportTemplateField } from './template-fields.ts';

/**
 * Opens the admins' "Enregistrer comme modèle" dialog for a note: a name (the note's title at
 * first) and a description; the note's current content becomes the template. Calls `onSaved`
 * once saved. Returns a function that closes the dialog.
 */
export function openSaveTemplateDialog(deps: {
  i18n: Translator;
  templates: TemplatesApi;
  note: NoteDetail;
  onSaved: (template: TemplateSummary) => void;
}): () => void {
  const { i18n, templates, note, onSaved } = deps;
  const frame = openDialog({ i18n, title: i18n.t('template.dialogTitle') });
  const name = h('input', {
    id: 'template-name',
    name: 'name',
    required: '',
    maxlength: String(TEMPLATE_NAME_MAX_LENGTH),
    autocomplete: 'off',
  });
  name.value = note.title.slice(0, TEMPLATE_NAME_MAX_LENGTH);
  const description = h('textarea', {
    id: 'template-description',
    name: 'description',
    rows: '3',
    maxlength: String(TEMPLATE_DESCRIPTION_MAX_LENGTH),
  });
  const form = h('form', { class: 'stack', novalidate: '' });
  const feedback = createFormFeedback(form, (error) =>
    i18n.t('note.changeFailed', { reason: describeApiError(error, i18n) }),
  );
  const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
  cancel.addEventListener('click', () => frame.close());
  form.append(
    h('p', { class: 'muted' }, i18n.t('template.intro', { title: note.title })),
    formField(i18n.t('template.name'), name),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'template-description' }, i18n.t('template.description')),
      description,
    ),
    ...feedback.elements,
    h(
      'div',
      { class: 'dialog-actions' },
      cancel,
      h('button', { type: 'submit', class: 'primary' }, i18n.t('template.submit')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const checked = checkRequest(createTemplateRequest, {
        name: name.value,
        description: description.value,
        fromNoteId: note.id,
      });
      if (!checked.ok) {
        reportTemplateField(checked.field, { name, description }, feedback, i18n);
        return;
      }
      const saved = await templates.create(checked.value);
      frame.close();
      onSaved(saved);
    });
  });
  frame.body.append(form);
  name.select();
  return () => frame.close();
}
