import { createVersionRequest, VERSION_NAME_MAX_LENGTH, type VersionSummary } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { checkRequest } from '../validate-request.ts';
import type { VersionsApi } from '../versions-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { openDialog } from './dialog-frame.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';

/**
 * Opens the "Nommer cette version" dialog of a note: one name ("Envoyée au candidat le 12 mars"),
 * checked against the protocol's own rule before it is sent; the note as it is now is frozen under
 * it and `onNamed` receives the new version. Returns a function that closes the dialog.
 */
export function openNameVersionDialog(deps: {
  i18n: Translator;
  versions: Pick<VersionsApi, 'name'>;
  noteId: string;
  onNamed: (version: VersionSummary) => void;
  onClosed?: () => void;
}): () => void {
  const { i18n, versions, noteId, onNamed, onClosed } = deps;
  const frame = openDialog({ i18n, title: i18n.t('history.nameTitle'), className: 'name-version-dialog', onClosed });
  const name = h('input', {
    id: 'version-name',
    name: 'name',
    required: '',
    maxlength: String(VERSION_NAME_MAX_LENGTH),
    autocomplete: 'off',
  });
  const form = h('form', { class: 'stack', novalidate: '' });
  const feedback = createFormFeedback(form, (error) =>
    i18n.t('history.failed', { reason: describeApiError(error, i18n) }),
  );
  const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
  cancel.addEventListener('click', () => frame.close());
  form.append(
    h('p', { class: 'muted' }, i18n.t('history.nameIntro')),
    formField(i18n.t('history.nameLabel'), name, i18n.t('history.nameHint')),
    ...feedback.elements,
    h(
      'div',
      { class: 'dialog-actions' },
      cancel,
      h('button', { type: 'submit', class: 'primary' }, i18n.t('history.nameSubmit')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const checked = checkRequest(createVersionRequest, { name: name.value });
      if (!checked.ok) {
        const message = name.value.trim()
          ? i18n.t('history.nameInvalid', { max: VERSION_NAME_MAX_LENGTH })
          : i18n.t('history.nameRequired');
        feedback.fail(message, name);
        return;
      }
      const named = await versions.name(noteId, checked.value.name);
      frame.close();
      onNamed(named);
    });
  });
  frame.body.append(form);
  name.focus();
  return () => frame.close();
}
