import { type AccountSummary, PASSWORD_MAX_LENGTH } from '@plume/protocol';
import { ApiCallError } from '../api-client.ts';
import type { Translator } from '../i18n/translator.ts';
import type { SessionApi } from '../session-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';
import { createNewPasswordFields } from './new-password-fields.ts';

/** The account page: change one's password, sign out here or everywhere. */
export function mountAccountView(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    api: SessionApi;
    account: AccountSummary;
    header: HTMLElement;
    onSignedOut: () => void;
  },
): () => void {
  const { i18n, api, account, header, onSignedOut } = deps;
  const describe = (error: unknown) => describeApiError(error, i18n);

  const current = h('input', {
    id: 'account-current-password',
    name: 'current-password',
    type: 'password',
    autocomplete: 'current-password',
    required: '',
    maxlength: String(PASSWORD_MAX_LENGTH),
  });
  const passwords = createNewPasswordFields({
    i18n,
    idPrefix: 'account-new',
    label: i18n.t('account.password.new'),
    againLabel: i18n.t('account.password.again'),
  });
  const passwordForm = h('form', { class: 'card stack', novalidate: '', 'aria-labelledby': 'account-password-title' });
  const passwordFeedback = createFormFeedback(passwordForm, describe);
  passwordForm.append(
    h('h2', { id: 'account-password-title' }, i18n.t('account.password.title')),
    formField(i18n.t('account.password.current'), current),
    ...passwords.elements,
    ...passwordFeedback.elements,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('account.password.submit')),
  );
  passwordForm.addEventListener('submit', (event) => {
    event.preventDefault();
    passwordFeedback.run(async () => {
      if (current.value === '') return passwordFeedback.fail(i18n.t('form.passwordRequired'), current);
      const next = passwords.check(passwordFeedback);
      if (next === null) return;
      try {
        await api.changePassword(current.value, next);
      } catch (error) {
        if (!(error instanceof ApiCallError) || error.code !== 'invalidCredentials') throw error;
        return passwordFeedback.fail(describe(error), current);
      }
      passwordForm.reset();
      passwordFeedback.succeed(i18n.t('account.password.done'));
    });
  });

  const signOut = h('button', { type: 'button', class: 'secondary' }, i18n.t('account.signOut'));
  const everywhere = h('button', { type: 'button', class: 'danger' }, i18n.t('account.signOutEverywhere'));
  const sessionsForm = h('form', { class: 'card stack', 'aria-labelledby': 'account-sessions-title' });
  const sessionsFeedback = createFormFeedback(sessionsForm, describe);
  sessionsForm.append(
    h('h2', { id: 'account-sessions-title' }, i18n.t('account.sessions.title')),
    h('p', { class: 'muted', id: 'account-everywhere-help' }, i18n.t('account.signOutEverywhere.help')),
    h('div', { class: 'row' }, signOut, everywhere),
    ...sessionsFeedback.elements,
  );
  everywhere.setAttribute('aria-describedby', 'account-everywhere-help');
  sessionsForm.addEventListener('submit', (event) => event.preventDefault());
  signOut.addEventListener('click', () =>
    sessionsFeedback.run(async () => {
      await api.signOut();
      onSignedOut();
    }),
  );
  everywhere.addEventListener('click', () =>
    sessionsFeedback.run(async () => {
      await api.signOutEverywhere();
      // Whether this very session survives is the server's choice: ask it.
      const after = await api.get();
      if (after.user === null) onSignedOut();
      else sessionsFeedback.succeed(i18n.t('account.signOutEverywhere.done'));
    }),
  );

  document.title = `${i18n.t('account.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    header,
    h(
      'main',
      { class: 'page' },
      h('h1', {}, i18n.t('account.title')),
      h('p', {}, i18n.t('account.signedInAs', { name: account.name, email: account.email })),
      h('div', { class: 'sections' }, passwordForm, sessionsForm),
    ),
  );
  return () => root.replaceChildren();
}
