import type { AccountSummary } from '@plume/protocol';
import type { UserIdentity } from '../collab/user-identity.ts';
import type { Translator } from '../i18n/translator.ts';
import { loginPath } from '../routes.ts';
import { h } from './dom.ts';

/**
 * The bar at the top of every screen: the app's name and who the person is. An account gets links
 * to its page, to administration for admins, and a sign-out button; a share-link guest gets their
 * chosen name, which they may change, and a way to sign in.
 */
export function createAppHeader(deps: {
  i18n: Translator;
  account: AccountSummary | null;
  identity: UserIdentity | null;
  onChangeName: () => void;
  onSignOut: () => void;
}): HTMLElement {
  const { i18n, account, identity, onChangeName, onSignOut } = deps;
  const nav = h('nav', { class: 'account-nav', 'aria-label': i18n.t('header.nav') });
  if (account) {
    const me = h('a', { href: '/account', class: 'me', title: i18n.t('header.account') }, account.name);
    if (identity) me.style.setProperty('--person-color', identity.color);
    nav.append(me);
    if (account.isAdmin) nav.append(h('a', { href: '/admin' }, i18n.t('header.admin')));
    const signOut = h('button', { type: 'button', class: 'link' }, i18n.t('header.signOut'));
    signOut.addEventListener('click', onSignOut);
    nav.append(signOut);
  } else {
    if (identity) {
      const change = h('button', { type: 'button', class: 'link me', title: i18n.t('identity.change') }, identity.name);
      change.style.setProperty('--person-color', identity.color);
      change.addEventListener('click', onChangeName);
      nav.append(change);
    }
    // Signing in from a shared note should come back to it.
    const here = window.location.pathname + window.location.search;
    nav.append(h('a', { href: loginPath(here) }, i18n.t('header.signIn')));
  }
  return h('header', { class: 'app-header' }, h('a', { href: '/', class: 'brand' }, i18n.t('app.name')), nav);
}
