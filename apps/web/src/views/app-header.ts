import type { UserIdentity } from '../collab/user-identity.ts';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/** The bar at the top of every screen: the app's name and who the person is. */
export function createAppHeader(deps: { i18n: Translator; user: UserIdentity; onChangeName: () => void }): HTMLElement {
  const { i18n, user, onChangeName } = deps;
  const change = h('button', { type: 'button', class: 'link', title: i18n.t('identity.change') }, user.name);
  change.style.setProperty('--person-color', user.color);
  change.classList.add('me');
  change.addEventListener('click', onChangeName);
  return h('header', { class: 'app-header' }, h('a', { href: '/', class: 'brand' }, i18n.t('app.name')), change);
}
