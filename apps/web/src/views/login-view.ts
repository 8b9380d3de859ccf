import { type SessionInfo, signInRequest } from '@plume/protocol';
import { ApiCallError } from '../api-client.ts';
import type { Translator } from '../i18n/translator.ts';
import type { SessionApi } from '../session-api.ts';
import { checkRequest } from '../validate-request.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';

/** The sign-in page: e-mail and password; calls `onSignedIn` with the new session. */
export function mountLoginView(
  root: HTMLElement,
  deps: { i18n: Translator; api: SessionApi; onSignedIn: (session: SessionInfo) => void },
): () => void {
  const { i18n, api, onSignedIn } = deps;
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: '' });
  const password = h('input', {
    id: 'login-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: '',
  });
  const form = h('form', { class: 'card stack', novalidate: '' });
  const feedback = createFormFeedback(form, (error) => describeApiError(error, i18n));
  form.append(
    h('h1', {}, i18n.t('login.title')),
    formField(i18n.t('login.email'), email),
    formField(i18n.t('login.password'), password),
    ...feedback.elements,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('login.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const checked = checkRequest(signInRequest, { email: email.value, password: password.value });
      if (!checked.ok) {
        if (checked.field === 'email') feedback.fail(i18n.t('form.invalidEmail'), email);
        else feedback.fail(i18n.t('form.passwordRequired'), password);
        return;
      }
      try {
        onSignedIn(await api.signIn(checked.value.email, checked.value.password));
      } catch (error) {
        if (!(error instanceof ApiCallError) || error.code !== 'invalidCredentials') throw error;
        password.value = '';
        feedback.fail(describeApiError(error, i18n), password);
      }
    });
  });

  document.title = `${i18n.t('login.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    h(
      'main',
      { class: 'page narrow' },
      h('p', { class: 'brand-line' }, i18n.t('app.name')),
      form,
      h('p', { class: 'muted' }, i18n.t('login.help')),
    ),
  );
  email.focus();
  return () => root.replaceChildren();
}
