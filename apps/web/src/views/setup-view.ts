import { ACCOUNT_NAME_MAX_LENGTH, type SessionInfo, setupRequest } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { SessionApi } from '../session-api.ts';
import { checkRequest } from '../validate-request.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';
import { createNewPasswordFields } from './new-password-fields.ts';
import { openTokenPage } from './token-page.ts';

/**
 * The first-setup page (`/setup#<token>`): creates the first administrator with the token the
 * server printed; calls `onSignedIn` with their session.
 */
export function mountSetupView(
  root: HTMLElement,
  deps: { i18n: Translator; api: SessionApi; token: string | null; onSignedIn: (session: SessionInfo) => void },
): () => void {
  const { i18n, api, token, onSignedIn } = deps;
  const main = openTokenPage(root, i18n, token, { title: 'setup.title', noToken: 'setup.noToken' });
  if (main === null || token === null) return () => root.replaceChildren();

  const email = h('input', { id: 'setup-email', name: 'email', type: 'email', autocomplete: 'username', required: '' });
  const name = h('input', {
    id: 'setup-name',
    name: 'name',
    autocomplete: 'name',
    required: '',
    maxlength: String(ACCOUNT_NAME_MAX_LENGTH),
  });
  const passwords = createNewPasswordFields({
    i18n,
    idPrefix: 'setup',
    label: i18n.t('setup.password'),
    againLabel: i18n.t('setup.passwordAgain'),
  });
  const form = h('form', { class: 'card stack', novalidate: '' });
  const feedback = createFormFeedback(form, (error) => describeApiError(error, i18n));
  form.append(
    h('h1', {}, i18n.t('setup.title')),
    h('p', {}, i18n.t('setup.intro')),
    formField(i18n.t('setup.email'), email),
    formField(i18n.t('setup.name'), name),
    ...passwords.elements,
    ...feedback.elements,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('setup.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const body = { token, email: email.value, name: name.value, password: passwords.value() };
      const checked = checkRequest(setupRequest, body);
      if (!checked.ok) {
        if (checked.field === 'email') feedback.fail(i18n.t('form.invalidEmail'), email);
        else if (checked.field === 'name')
          feedback.fail(i18n.t('form.nameRequired', { max: ACCOUNT_NAME_MAX_LENGTH }), name);
        else if (checked.field === 'token') feedback.fail(i18n.t('apiError.invalidToken'));
        else passwords.check(feedback);
        return;
      }
      if (passwords.check(feedback) === null) return;
      onSignedIn(await api.setup(checked.value));
    });
  });
  main.append(form);
  email.focus();
  return () => root.replaceChildren();
}
