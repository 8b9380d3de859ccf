import type { AccountSummary } from '@plume/protocol';
import type { UserIdentity } from '../collab/user-identity.ts';
import { LANGUAGES, type Language, type Translator } from '../i18n/translator.ts';
import { loginPath, type Route, searchPath } from '../routes.ts';
import { h } from './dom.ts';

type NavItem = { href: string; label: string; routes: ReadonlyArray<Route['name']> };

/**
 * The bar at the top of every screen: the app's name, the workspace's pages, a search field, the
 * language switch, and who the person is. An account gets its page, administration for admins and
 * a sign-out button; a share-link guest gets their chosen name, which they may change, and a way
 * to sign in. On a narrow screen everything but the name folds behind a menu button.
 */
export function createAppHeader(deps: {
  i18n: Translator;
  account: AccountSummary | null;
  identity: UserIdentity | null;
  /** The screen shown under the header, marked as the current page in the navigation. */
  current: Route['name'];
  navigate: (path: string) => void;
  onChangeName: () => void;
  onChangeLanguage: (language: Language) => void;
  onSignOut: () => void;
}): HTMLElement {
  const { i18n, account, identity, current, navigate, onChangeName, onChangeLanguage, onSignOut } = deps;

  const items: NavItem[] = [
    { href: '/', label: i18n.t('header.notes'), routes: ['notes', 'note', 'unknown'] },
    { href: '/search', label: i18n.t('header.search'), routes: ['search'] },
  ];
  if (account) {
    items.push(
      { href: '/themes', label: i18n.t('header.themes'), routes: ['themes'] },
      { href: '/trash', label: i18n.t('header.trash'), routes: ['trash'] },
      { href: '/pack', label: i18n.t('header.pack'), routes: ['pack'] },
    );
    if (account.isAdmin) items.push({ href: '/admin', label: i18n.t('header.admin'), routes: ['admin'] });
  }
  const nav = h('nav', { class: 'main-nav', 'aria-label': i18n.t('header.mainNav') });
  for (const item of items) {
    const link = h('a', { href: item.href }, item.label);
    if (item.routes.includes(current)) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }

  // The search page has its own, larger field.
  const menu = h('div', { class: 'app-menu', id: 'app-menu' });
  if (current !== 'search') menu.append(createHeaderSearch(i18n, navigate));
  menu.append(nav);
  const tools = h('div', { class: 'header-tools' }, createLanguageSwitch(i18n, onChangeLanguage));
  if (account) {
    const signOut = h('button', { type: 'button', class: 'link' }, i18n.t('header.signOut'));
    signOut.addEventListener('click', onSignOut);
    tools.append(signOut);
  } else {
    // Signing in from a shared note should come back to it.
    const here = window.location.pathname + window.location.search;
    tools.append(h('a', { href: loginPath(here), class: 'sign-in' }, i18n.t('header.signIn')));
  }
  menu.append(tools);

  const toggle = h(
    'button',
    { type: 'button', class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'app-menu' },
    i18n.t('header.menu'),
  );
  const header = h('header', { class: 'app-header' }, h('a', { href: '/', class: 'brand' }, i18n.t('app.name')));
  const setOpen = (open: boolean) => {
    header.classList.toggle('menu-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(!header.classList.contains('menu-open')));
  header.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !header.classList.contains('menu-open')) return;
    setOpen(false);
    toggle.focus();
  });
  header.append(toggle, menu);

  if (account) {
    const me = h('a', { href: '/account', class: 'me', title: i18n.t('header.account') }, account.name);
    if (current === 'account') me.setAttribute('aria-current', 'page');
    if (identity) me.style.setProperty('--person-color', identity.color);
    header.append(me);
  } else if (identity) {
    const change = h('button', { type: 'button', class: 'link me', title: i18n.t('identity.change') }, identity.name);
    change.style.setProperty('--person-color', identity.color);
    change.addEventListener('click', onChangeName);
    header.append(change);
  }
  return header;
}

function createHeaderSearch(i18n: Translator, navigate: (path: string) => void): HTMLElement {
  const input = h('input', {
    id: 'header-search',
    type: 'search',
    name: 'q',
    placeholder: i18n.t('header.searchPlaceholder'),
    autocomplete: 'off',
    enterkeyhint: 'search',
  });
  const form = h(
    'form',
    { class: 'header-search', role: 'search', action: '/search' },
    h('label', { for: 'header-search', class: 'visually-hidden' }, i18n.t('header.searchLabel')),
    input,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(searchPath(input.value));
  });
  return form;
}

function createLanguageSwitch(i18n: Translator, onChange: (language: Language) => void): HTMLElement {
  const group = h('div', { class: 'language-switch', role: 'group', 'aria-label': i18n.t('header.language') });
  for (const language of LANGUAGES) {
    const button = h(
      'button',
      {
        type: 'button',
        lang: language,
        'aria-label': i18n.t(`language.${language}`),
        'aria-pressed': String(language === i18n.language),
      },
      language.toUpperCase(),
    );
    button.addEventListener('click', () => {
      if (language !== i18n.language) onChange(language);
    });
    group.append(button);
  }
  return group;
}
