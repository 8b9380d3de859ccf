import type { Translator } from '../i18n/translator.ts';
import type { SessionApi } from '../session-api.ts';
import { describeApiError } from './describe-api-error.ts';
import { h } from './dom.ts';

/**
 * The page a share link opens (`/s#<token>`): exchanges the token for access to its note, then
 * calls `onRedeemed` with the note's id; says so when the link does not work.
 */
export function mountShareLinkView(
  root: HTMLElement,
  deps: { i18n: Translator; api: SessionApi; token: string | null; onRedeemed: (noteId: string) => void },
): () => void {
  const { i18n, api, token, onRedeemed } = deps;
  let disposed = false;
  const message = h('p', { class: 'muted', role: 'status' }, i18n.t('shareLink.opening'));
  const card = h('div', { class: 'card' }, message);
  root.replaceChildren(h('main', { class: 'page narrow' }, h('p', { class: 'brand-line' }, i18n.t('app.name')), card));
  document.title = i18n.t('app.name');

  const fail = (text: string) => {
    message.className = 'error';
    message.setAttribute('role', 'alert');
    message.textContent = text;
    card.append(h('a', { href: '/' }, i18n.t('shareLink.home')));
  };
  if (token === null) fail(i18n.t('shareLink.noToken'));
  else {
    api.redeemShareLink(token).then(
      ({ noteId }) => {
        if (!disposed) onRedeemed(noteId);
      },
      (error: unknown) => {
        if (!disposed) fail(i18n.t('shareLink.failed', { reason: describeApiError(error, i18n) }));
      },
    );
  }
  return () => {
    disposed = true;
    root.replaceChildren();
  };
}
