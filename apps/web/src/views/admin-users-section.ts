import { ACCOUNT_NAME_MAX_LENGTH, createUserRequest, type InvitationLink, type UserSummary } from '@plume/protocol';
import type { AdminApi } from '../admin-api.ts';
import type { Translator } from '../i18n/translator.ts';
import { checkRequest } from '../validate-request.ts';
import { createCopyField } from './copy-field.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { checkboxField, formField } from './form-field.ts';

/**
 * The accounts part of the admin page: invite someone (showing their invitation link once), and
 * for each account disable or enable it, grant or remove administration, or make a reset link.
 */
export function mountUsersSection(
  root: HTMLElement,
  deps: { i18n: Translator; api: AdminApi; currentUserId: string; onUsersChanged: () => void },
): () => void {
  const { i18n, api, currentUserId, onUsersChanged } = deps;
  const describe = (error: unknown) => describeApiError(error, i18n);
  let disposed = false;

  const email = h('input', { id: 'new-user-email', name: 'email', type: 'email', autocomplete: 'off', required: '' });
  const name = h('input', {
    id: 'new-user-name',
    name: 'name',
    autocomplete: 'off',
    required: '',
    maxlength: String(ACCOUNT_NAME_MAX_LENGTH),
  });
  const isAdmin = h('input', { id: 'new-user-admin', name: 'is-admin', type: 'checkbox' });
  const createForm = h('form', { class: 'card stack', novalidate: '', 'aria-labelledby': 'new-user-title' });
  const createFeedback = createFormFeedback(createForm, describe);
  const issuedLink = h('div', { class: 'issued-link', 'aria-live': 'polite' });
  createForm.append(
    h('h3', { id: 'new-user-title' }, i18n.t('admin.users.create.title')),
    h(
      'div',
      { class: 'grid-2' },
      formField(i18n.t('admin.users.email'), email),
      formField(i18n.t('admin.users.name'), name),
    ),
    checkboxField(i18n.t('admin.users.isAdmin'), isAdmin),
    ...createFeedback.elements,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('admin.users.create.submit')),
  );

  // The list is a form so that its buttons wait while one of its actions runs.
  const listForm = h('form', { class: 'list-form' });
  const listFeedback = createFormFeedback(listForm, (error) =>
    i18n.t('admin.actionFailed', { reason: describe(error) }),
  );
  const list = h('ul', { class: 'user-list', 'aria-labelledby': 'admin-users-title' });
  const status = h('p', { class: 'muted' }, i18n.t('common.loading'));
  listForm.append(...listFeedback.elements, status, list);
  listForm.addEventListener('submit', (event) => event.preventDefault());

  function showIssued(invitation: InvitationLink, kind: 'admin.users.invitation' | 'admin.users.resetLink'): void {
    const text = i18n.t(kind, { name: invitation.user.name, date: i18n.formatDateTime(invitation.expiresAt) });
    issuedLink.replaceChildren(
      h(
        'div',
        { class: 'notice' },
        createCopyField({ i18n, id: 'issued-link-url', label: text, value: invitation.url }),
      ),
    );
    issuedLink.querySelector('input')?.focus();
  }

  function render(users: UserSummary[]): void {
    status.textContent = users.length === 0 ? i18n.t('admin.users.empty') : '';
    list.replaceChildren(...users.map(renderUser));
  }

  function renderUser(user: UserSummary): HTMLElement {
    const badges = h('span', { class: 'badges' });
    if (user.isAdmin) badges.append(h('span', { class: 'badge' }, i18n.t('admin.users.adminBadge')));
    if (user.disabled) badges.append(h('span', { class: 'badge danger' }, i18n.t('admin.users.disabled')));
    else if (!user.hasPassword) badges.append(h('span', { class: 'badge warn' }, i18n.t('admin.users.pending')));
    const self = user.id === currentUserId;
    const actions = h('div', {
      class: 'actions',
      role: 'group',
      'aria-label': i18n.t('admin.users.actionsFor', { name: user.name }),
    });
    const action = (label: string, run: () => Promise<void>) => {
      const button = h('button', { type: 'button', class: 'secondary small' }, label);
      button.addEventListener('click', () => listFeedback.run(run));
      actions.append(button);
    };
    // Nobody locks themselves out from here: another admin must do it.
    if (!self) {
      action(user.disabled ? i18n.t('admin.users.enable') : i18n.t('admin.users.disable'), async () => {
        await api.updateUser(user.id, { disabled: !user.disabled });
        await reload();
        onUsersChanged();
      });
      action(user.isAdmin ? i18n.t('admin.users.removeAdmin') : i18n.t('admin.users.makeAdmin'), async () => {
        await api.updateUser(user.id, { isAdmin: !user.isAdmin });
        await reload();
      });
    }
    action(i18n.t('admin.users.reset'), async () => {
      showIssued(await api.resetUser(user.id), 'admin.users.resetLink');
      await reload();
      onUsersChanged();
    });
    return h(
      'li',
      { class: 'user', 'data-user-id': user.id },
      h(
        'div',
        { class: 'who' },
        h('strong', {}, self ? `${user.name} (${i18n.t('admin.users.you')})` : user.name),
        h('span', { class: 'muted email' }, user.email),
        badges,
      ),
      actions,
    );
  }

  async function reload(): Promise<void> {
    const users = await api.users();
    if (!disposed) render(users);
  }

  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    createFeedback.run(async () => {
      const checked = checkRequest(createUserRequest, {
        email: email.value,
        name: name.value,
        isAdmin: isAdmin.checked,
      });
      if (!checked.ok) {
        if (checked.field === 'email') createFeedback.fail(i18n.t('form.invalidEmail'), email);
        else createFeedback.fail(i18n.t('form.nameRequired', { max: ACCOUNT_NAME_MAX_LENGTH }), name);
        return;
      }
      showIssued(await api.createUser(checked.value), 'admin.users.invitation');
      createForm.reset();
      await reload();
    });
  });

  root.replaceChildren(
    h('h2', { id: 'admin-users-title' }, i18n.t('admin.users.title')),
    createForm,
    issuedLink,
    listForm,
  );
  reload().catch((error: unknown) => {
    if (!disposed) status.textContent = i18n.t('admin.loadFailed', { reason: describe(error) });
  });
  return () => {
    disposed = true;
    root.replaceChildren();
  };
}
