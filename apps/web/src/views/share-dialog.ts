import {
  type AccountSummary,
  createShareLinkRequest,
  LINK_ROLES,
  type LinkRole,
  NOTE_ROLES,
  type NoteMember,
  type NoteRole,
  type NoteSharing,
  type NoteView,
  type ShareLinkSummary,
  setMemberRequest,
} from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { dateInputValue, expiryFromDateInput } from '../link-expiry.ts';
import type { SharingApi } from '../sharing-api.ts';
import { checkRequest } from '../validate-request.ts';
import { createCopyField } from './copy-field.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField, selectOf } from './form-field.ts';

/** Longest label of a share link, as the protocol accepts it. */
const LINK_LABEL_MAX_LENGTH = 80;

/**
 * Opens a note's share dialog as a modal `<dialog>` inside `root`: people by e-mail with their
 * role (add, change, remove) and share links (create with a role, an optional expiry and label,
 * see once, revoke). Escape or the close button closes it and calls `onClosed`.
 */
export function mountShareDialog(
  root: HTMLElement,
  deps: {
    i18n: Translator;
    api: SharingApi;
    note: NoteView;
    currentUserId: string | null;
    onClosed: () => void;
  },
): () => void {
  const { i18n, api, note, currentUserId, onClosed } = deps;
  const describe = (error: unknown) => i18n.t('share.failed', { reason: describeApiError(error, i18n) });
  const roleOptions = NOTE_ROLES.map((role) => [role, i18n.t(`role.${role}`)] as const);
  const linkRoleOptions = LINK_ROLES.map((role) => [role, i18n.t(`role.${role}`)] as const);
  let disposed = false;

  const close = h('button', { type: 'button', class: 'icon', 'aria-label': i18n.t('share.close') }, '×');
  const status = h('p', { class: 'muted', role: 'status' }, i18n.t('share.loading'));

  // People: the list is a form so that its controls wait while a change is on its way.
  const members = h('ul', { class: 'member-list', 'aria-labelledby': 'share-people-title' });
  const membersForm = h('form', { class: 'list-form' });
  const membersFeedback = createFormFeedback(membersForm, describe);
  membersForm.append(members, ...membersFeedback.elements);
  membersForm.addEventListener('submit', (event) => event.preventDefault());

  const peopleList = h('datalist', { id: 'share-people-options' });
  const email = h('input', {
    id: 'share-email',
    name: 'email',
    type: 'email',
    autocomplete: 'off',
    list: 'share-people-options',
    required: '',
    autofocus: '',
  });
  const memberRole = selectOf({ id: 'share-member-role', name: 'role' }, roleOptions, 'editor');
  const addForm = h('form', { class: 'inline-form', novalidate: '' });
  const addFeedback = createFormFeedback(addForm, describe);
  addForm.append(
    h(
      'div',
      { class: 'row end' },
      formField(i18n.t('share.people.email'), email),
      formField(i18n.t('share.people.role'), memberRole),
      h('button', { type: 'submit', class: 'primary' }, i18n.t('share.people.add')),
    ),
    peopleList,
    ...addFeedback.elements,
  );

  const linkRole = selectOf({ id: 'share-link-role', name: 'role' }, linkRoleOptions, 'editor');
  const expiry = h('input', {
    id: 'share-link-expiry',
    name: 'expires',
    type: 'date',
    min: dateInputValue(new Date()),
  });
  const label = h('input', {
    id: 'share-link-label',
    name: 'label',
    autocomplete: 'off',
    maxlength: String(LINK_LABEL_MAX_LENGTH),
  });
  const linkForm = h('form', { class: 'inline-form', novalidate: '' });
  const linkFeedback = createFormFeedback(linkForm, describe);
  const created = h('div', { class: 'created-link', 'aria-live': 'polite' });
  linkForm.append(
    h(
      'div',
      { class: 'row end' },
      formField(i18n.t('share.links.role'), linkRole),
      formField(i18n.t('share.links.expiry'), expiry),
      formField(i18n.t('share.links.label'), label),
      h('button', { type: 'submit', class: 'primary' }, i18n.t('share.links.create')),
    ),
    ...linkFeedback.elements,
  );
  const links = h('ul', { class: 'link-list', 'aria-labelledby': 'share-links-title' });
  const linksForm = h('form', { class: 'list-form' });
  const linksFeedback = createFormFeedback(linksForm, describe);
  linksForm.append(links, ...linksFeedback.elements);
  linksForm.addEventListener('submit', (event) => event.preventDefault());

  const dialog = h(
    'dialog',
    { class: 'share-dialog', 'aria-labelledby': 'share-title' },
    h(
      'div',
      { class: 'dialog-head' },
      h('h2', { id: 'share-title' }, i18n.t('share.title', { title: note.title })),
      close,
    ),
    status,
    h(
      'section',
      { 'aria-labelledby': 'share-people-title' },
      h('h3', { id: 'share-people-title' }, i18n.t('share.people.title')),
      membersForm,
      addForm,
    ),
    h(
      'section',
      { 'aria-labelledby': 'share-links-title' },
      h('h3', { id: 'share-links-title' }, i18n.t('share.links.title')),
      h('p', { class: 'muted' }, i18n.t('share.links.intro')),
      linkForm,
      created,
      linksForm,
    ),
  );

  function renderMember(member: NoteMember): HTMLElement {
    const self = member.userId === currentUserId;
    const shownName = self ? `${member.name} (${i18n.t('admin.users.you')})` : member.name;
    const role = selectOf(
      { id: `member-role-${member.userId}`, 'aria-label': i18n.t('share.people.roleOf', { name: member.name }) },
      roleOptions,
      member.role,
    );
    role.addEventListener('change', () =>
      membersFeedback.run(async () => {
        try {
          render(await api.setMember(note.id, member.email, role.value as NoteRole));
          // The list was redrawn: keep the keyboard where it was.
          dialog.querySelector<HTMLSelectElement>(`#${CSS.escape(role.id)}`)?.focus();
        } catch (error) {
          role.value = member.role;
          throw error;
        }
      }),
    );
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'secondary small',
        'aria-label': i18n.t('share.people.removeNamed', { name: member.name }),
      },
      i18n.t('share.people.remove'),
    );
    remove.addEventListener('click', () =>
      membersFeedback.run(async () => {
        render(await api.removeMember(note.id, member.userId));
        email.focus();
      }),
    );
    return h(
      'li',
      { class: 'member', 'data-user-id': member.userId },
      h('div', { class: 'who' }, h('strong', {}, shownName), h('span', { class: 'muted email' }, member.email)),
      h('div', { class: 'actions' }, role, remove),
    );
  }

  function renderLink(link: ShareLinkSummary): HTMLElement {
    const name = link.label ?? i18n.t('share.links.unnamed');
    const expires = link.expiresAt
      ? i18n.t('share.links.expires', { date: i18n.formatDateTime(link.expiresAt) })
      : i18n.t('share.links.noExpiry');
    const revoke = h(
      'button',
      { type: 'button', class: 'danger small', 'aria-label': i18n.t('share.links.revokeNamed', { label: name }) },
      i18n.t('share.links.revoke'),
    );
    revoke.addEventListener('click', () =>
      linksFeedback.run(async () => {
        await api.revokeLink(note.id, link.id);
        render(await api.get(note.id));
        linkRole.focus();
      }),
    );
    return h(
      'li',
      { class: 'share-link', 'data-link-id': link.id },
      h(
        'div',
        { class: 'who' },
        h('strong', {}, name),
        h(
          'span',
          { class: 'muted' },
          `${i18n.t(`role.${link.role}`)} · ${expires} · ${i18n.t('share.links.createdAt', { date: i18n.formatDateTime(link.createdAt) })}`,
        ),
      ),
      revoke,
    );
  }

  function render(sharing: NoteSharing): void {
    if (disposed) return;
    status.textContent = '';
    members.replaceChildren(...sharing.members.map(renderMember));
    if (sharing.members.length <= 1) members.append(h('li', { class: 'muted empty' }, i18n.t('share.people.empty')));
    links.replaceChildren(...sharing.links.map(renderLink));
    if (sharing.links.length === 0) links.append(h('li', { class: 'muted empty' }, i18n.t('share.links.empty')));
  }

  function suggest(people: AccountSummary[]): void {
    peopleList.replaceChildren(...people.map((person) => h('option', { value: person.email }, person.name)));
  }

  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    addFeedback.run(async () => {
      const checked = checkRequest(setMemberRequest, { email: email.value, role: memberRole.value });
      if (!checked.ok) return addFeedback.fail(i18n.t('form.invalidEmail'), email);
      render(await api.setMember(note.id, checked.value.email, checked.value.role));
      email.value = '';
    });
  });

  linkForm.addEventListener('submit', (event) => {
    event.preventDefault();
    linkFeedback.run(async () => {
      const expiresAt = expiryFromDateInput(expiry.value);
      if (expiresAt === undefined) return linkFeedback.fail(i18n.t('form.invalidDate'), expiry);
      const body = {
        role: linkRole.value as LinkRole,
        expiresAt,
        ...(label.value.trim() ? { label: label.value } : {}),
      };
      const checked = checkRequest(createShareLinkRequest, body);
      if (!checked.ok) return linkFeedback.fail(i18n.t('form.invalidField'), checked.field === 'label' ? label : null);
      const { url } = await api.createLink(note.id, body);
      created.replaceChildren(
        h(
          'div',
          { class: 'notice' },
          createCopyField({ i18n, id: 'share-link-url', label: i18n.t('share.links.url'), value: url }),
          h('p', { class: 'warn-text' }, i18n.t('share.links.showOnce')),
        ),
      );
      linkForm.reset();
      created.querySelector('input')?.focus();
      render(await api.get(note.id));
    });
  });

  const handleClose = () => {
    dispose();
    onClosed();
  };
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', handleClose);

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    // Closed by its page rather than by the person: nobody waits for `onClosed`.
    dialog.removeEventListener('close', handleClose);
    if (dialog.open) dialog.close();
    dialog.remove();
  }

  root.append(dialog);
  dialog.showModal();
  api.get(note.id).then(render, (error: unknown) => {
    if (disposed) return;
    status.className = 'error';
    status.textContent = describe(error);
  });
  // Suggestions are a convenience: without them, e-mail addresses are typed in full.
  api.people().then(suggest, () => suggest([]));
  return dispose;
}
