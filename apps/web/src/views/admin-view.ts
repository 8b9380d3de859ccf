import type { AdminApi } from '../admin-api.ts';
import type { Translator } from '../i18n/translator.ts';
import type { TemplatesApi } from '../templates-api.ts';
import { mountAuditSection } from './admin-audit-section.ts';
import { mountSessionsSection } from './admin-sessions-section.ts';
import { mountTemplatesSection } from './admin-templates-section.ts';
import { mountUsersSection } from './admin-users-section.ts';
import { h } from './dom.ts';

/** The administration page: accounts, note templates, open sessions and the audit log. */
export function mountAdminView(
  root: HTMLElement,
  deps: { i18n: Translator; api: AdminApi; templates: TemplatesApi; header: HTMLElement; currentUserId: string },
): () => void {
  const { i18n, api, templates, header, currentUserId } = deps;
  const users = h('section', { class: 'admin-section', 'aria-labelledby': 'admin-users-title' });
  const templateSection = h('section', { class: 'admin-section', 'aria-labelledby': 'admin-templates-title' });
  const sessions = h('section', { class: 'admin-section', 'aria-labelledby': 'admin-sessions-title' });
  const audit = h('section', { class: 'admin-section', 'aria-labelledby': 'admin-audit-title' });
  document.title = `${i18n.t('admin.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    header,
    h('main', { class: 'page wide' }, h('h1', {}, i18n.t('admin.title')), users, templateSection, sessions, audit),
  );
  let stopSessions = mountSessionsSection(sessions, { i18n, api });
  // Disabling an account or resetting its password ends its sessions: show the list as it is now.
  const onUsersChanged = () => {
    stopSessions();
    stopSessions = mountSessionsSection(sessions, { i18n, api });
  };
  const stopUsers = mountUsersSection(users, { i18n, api, currentUserId, onUsersChanged });
  const stopAudit = mountAuditSection(audit, { i18n, api });
  const stopTemplates = mountTemplatesSection(templateSection, { i18n, api: templates });
  return () => {
    stopUsers();
    stopTemplates();
    stopSessions();
    stopAudit();
    root.replaceChildren();
  };
}
