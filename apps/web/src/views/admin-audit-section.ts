import { AUDIT_ACTIONS, type AuditEntry } from '@plume/protocol';
import type { AdminApi } from '../admin-api.ts';
import type { Translator } from '../i18n/translator.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';
import { formField } from './form-field.ts';

/** How many audit entries the page shows at once, newest first. */
const AUDIT_PAGE_SIZE = 200;

/** The audit part of the admin page: the latest events, optionally for one note only. */
export function mountAuditSection(root: HTMLElement, deps: { i18n: Translator; api: AdminApi }): () => void {
  const { i18n, api } = deps;
  let disposed = false;

  const noteId = h('input', {
    id: 'audit-note-id',
    name: 'note-id',
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: '100',
  });
  const clear = h('button', { type: 'button', class: 'secondary' }, i18n.t('admin.audit.clear'));
  const form = h('form', { class: 'card filter', role: 'search', 'aria-labelledby': 'admin-audit-title' });
  const feedback = createFormFeedback(form, (error) =>
    i18n.t('admin.loadFailed', { reason: describeApiError(error, i18n) }),
  );
  form.append(
    h(
      'div',
      { class: 'row end' },
      formField(i18n.t('admin.audit.noteFilter'), noteId),
      h('button', { type: 'submit', class: 'primary' }, i18n.t('admin.audit.filter')),
      clear,
    ),
    ...feedback.elements,
  );
  const body = h('tbody');
  const empty = h('p', { class: 'muted' });
  const table = h(
    'table',
    { class: 'audit' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...(['when', 'action', 'actor', 'note', 'detail', 'ip'] as const).map((column) =>
          h('th', { scope: 'col' }, i18n.t(`admin.audit.${column}`)),
        ),
      ),
    ),
    body,
  );

  function actorOf(entry: AuditEntry): string {
    if (entry.actor === 'cli') return i18n.t('admin.audit.cli');
    if (entry.actor === 'anonymous') return i18n.t('admin.audit.anonymous');
    // Share-link guests act without an account: `link:<id>` in the protocol, `session:<id>` too.
    if (entry.actor.startsWith('link:') || entry.actor.startsWith('session:')) {
      return entry.actorName ?? i18n.t('admin.audit.linkActor');
    }
    return entry.actorName ?? entry.actor;
  }

  function actionOf(entry: AuditEntry): string {
    // An older or newer server may log actions this page does not know yet.
    return (AUDIT_ACTIONS as readonly string[]).includes(entry.action) ? i18n.t(`audit.${entry.action}`) : entry.action;
  }

  function renderEntry(entry: AuditEntry): HTMLElement {
    const detail = Object.entries(entry.detail)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ');
    const note = entry.noteId ? h('a', { href: `/notes/${encodeURIComponent(entry.noteId)}` }, entry.noteId) : '';
    return h(
      'tr',
      {},
      h('td', {}, h('time', { datetime: entry.at }, i18n.formatDateTime(entry.at))),
      h('td', {}, actionOf(entry)),
      h('td', {}, actorOf(entry)),
      h('td', { class: 'mono' }, note),
      h('td', {}, detail),
      h('td', { class: 'mono' }, entry.ip ?? ''),
    );
  }

  function load(): void {
    feedback.run(async () => {
      const filter = noteId.value.trim();
      const entries = await api.audit({ ...(filter ? { noteId: filter } : {}), limit: AUDIT_PAGE_SIZE });
      if (disposed) return;
      body.replaceChildren(...entries.map(renderEntry));
      empty.textContent = entries.length === 0 ? i18n.t('admin.audit.empty') : '';
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  clear.addEventListener('click', () => {
    noteId.value = '';
    load();
  });

  root.replaceChildren(
    h('h2', { id: 'admin-audit-title' }, i18n.t('admin.audit.title')),
    form,
    // The table scrolls sideways on a phone rather than squeezing six columns into 375 px.
    h('div', { class: 'table-scroll', tabindex: '0', 'aria-labelledby': 'admin-audit-title' }, table),
    empty,
  );
  load();
  return () => {
    disposed = true;
    root.replaceChildren();
  };
}
