import type { MessageKey } from '../i18n/fr.ts';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/**
 * Opens a page reached through a secret link (setup, invitation): titles the tab and lays out the
 * narrow page. Returns the element to fill, or null when the link carried no token, in which case
 * the page already says so.
 */
export function openTokenPage(
  root: HTMLElement,
  i18n: Translator,
  token: string | null,
  messages: { title: MessageKey; noToken: MessageKey },
): HTMLElement | null {
  document.title = `${i18n.t(messages.title)} · ${i18n.t('app.name')}`;
  const main = h('main', { class: 'page narrow' }, h('p', { class: 'brand-line' }, i18n.t('app.name')));
  root.replaceChildren(main);
  if (token !== null) return main;
  main.append(
    h(
      'div',
      { class: 'card' },
      h('h1', {}, i18n.t(messages.title)),
      h('p', { class: 'error' }, i18n.t(messages.noToken)),
    ),
  );
  return null;
}
