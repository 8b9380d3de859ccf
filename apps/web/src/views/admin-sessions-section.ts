import type { SessionSummary } from '@plume/protocol';
import type { AdminApi } from '../admin-api.ts';
import type { Translator } from '../i18n/translator.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';
import { createFormFeedback } from './form-feedback.ts';

/** The sessions part of the admin page: who is signed in where, with ways to end one or all others. */
export function mountSessionsSection(root: HTMLElement, deps: { i18n: Translator; api: AdminApi }): () => void {
  const { i18n, api } = deps;
  const describe = (error: unknown) => describeApiError(error, i18n);
  let disposed = false;

  // A form so that its buttons wait while one of its actions runs.
  const form = h('form', { class: 'list-form' });
  const feedback = createFormFeedback(form, (error) => i18n.t('admin.actionFailed', { reason: describe(error) }));
  const endOthers = h('button', { type: 'button', class: 'danger' }, i18n.t('admin.sessions.endOthers'));
  const status = h('p', { class: 'muted' }, i18n.t('common.loading'));
  const list = h('ul', { class: 'session-list', 'aria-labelledby': 'admin-sessions-title' });
  form.append(h('div', { class: 'row' }, endOthers), ...feedback.elements, status, list);
  form.addEventListener('submit', (event) => event.preventDefault());
  endOthers.addEventListener('click', () =>
    feedback.run(async () => {
      await api.endOtherSessions();
      await reload();
    }),
  );

  function renderSession(session: SessionSummary): HTMLElement {
    const who = session.user ? `${session.user.name} · ${session.user.email}` : i18n.t('admin.sessions.linkGuest');
    const item = h(
      'li',
      { class: 'session' },
      h(
        'div',
        { class: 'who' },
        h('strong', {}, who),
        session.noteIds.length > 0
          ? h('span', { class: 'muted' }, i18n.t('admin.sessions.notes', { count: session.noteIds.length }))
          : '',
        h(
          'span',
          { class: 'muted' },
          i18n.t('admin.sessions.detail', {
            created: i18n.formatDateTime(session.createdAt),
            seen: i18n.formatDateTime(session.lastSeenAt),
            expires: i18n.formatDateTime(session.expiresAt),
          }),
        ),
      ),
    );
    if (session.current) {
      item.append(h('span', { class: 'badge' }, i18n.t('admin.sessions.current')));
    } else {
      const end = h(
        'button',
        {
          type: 'button',
          class: 'secondary small',
          'aria-label': i18n.t('admin.sessions.endNamed', {
            name: session.user?.name ?? i18n.t('admin.sessions.linkGuest'),
          }),
        },
        i18n.t('admin.sessions.end'),
      );
      end.addEventListener('click', () =>
        feedback.run(async () => {
          await api.endSession(session.id);
          await reload();
        }),
      );
      item.append(end);
    }
    return item;
  }

  async function reload(): Promise<void> {
    const sessions = await api.sessions();
    if (disposed) return;
    status.textContent = sessions.length === 0 ? i18n.t('admin.sessions.empty') : '';
    list.replaceChildren(...sessions.map(renderSession));
  }

  root.replaceChildren(h('h2', { id: 'admin-sessions-title' }, i18n.t('admin.sessions.title')), form);
  reload().catch((error: unknown) => {
    if (!disposed) status.textContent = i18n.t('admin.loadFailed', { reason: describe(error) });
  });
  return () => {
    disposed = true;
    root.replaceChildren();
  };
}
