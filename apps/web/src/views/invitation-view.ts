import type { SessionInfo } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import type { SessionApi } from '../session-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { createNewPasswordFields } from './new-password-fields.ts';
import { openTokenPage } from './token-page.ts';

/**
 * The page of an invitation or password-reset link (`/invitation#<token>`): the person chooses
 * their password and is signed in; calls `onSignedIn` with the session.
 */
export function mountInvitationView(
  root: HTMLElement,
  deps: { i18n: Translator; api: SessionApi; token: string | null; onSignedIn: (session: SessionInfo) => void },
): () => void {
  const { i18n, api, token, onSignedIn } = deps;
  const main = openTokenPage(root, i18n, token, { title: 'invitation.title', noToken: 'invitation.noToken' });
  if (main === null || token === null) return () => root.replaceChildren();

  const passwords = createNewPasswordFields({
    i18n,
    idPrefix: 'invitation',
    label: i18n.t('invitation.password'),
    againLabel: i18n.t('invitation.passwordAgain'),
  });
  const form = h('form', { class: 'card stack', novalidate: '' });
  const feedback = createFormFeedback(form, (error) => describeApiError(error, i18n));
  form.append(
    h('h1', {}, i18n.t('invitation.title')),
    h('p', {}, i18n.t('invitation.intro')),
    ...passwords.elements,
    ...feedback.elements,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('invitation.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.run(async () => {
      const password = passwords.check(feedback);
      if (password !== null) onSignedIn(await api.acceptInvitation(token, password));
    });
  });
  main.append(form);
  form.querySelector('input')?.focus();
  return () => root.replaceChildren();
}
