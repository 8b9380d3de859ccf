import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/** The screen shown before any administrator exists: how the host finishes setting Plume up. */
export function mountSetupNeededView(root: HTMLElement, deps: { i18n: Translator }): () => void {
  const { i18n } = deps;
  const reload = h('button', { type: 'button', class: 'primary' }, i18n.t('setupNeeded.reload'));
  reload.addEventListener('click', () => window.location.reload());
  document.title = `${i18n.t('setupNeeded.title')} · ${i18n.t('app.name')}`;
  root.replaceChildren(
    h(
      'main',
      { class: 'page narrow' },
      h('p', { class: 'brand-line' }, i18n.t('app.name')),
      h(
        'div',
        { class: 'card stack' },
        h('h1', {}, i18n.t('setupNeeded.title')),
        h('p', {}, i18n.t('setupNeeded.intro')),
        h('pre', { class: 'command' }, `${window.location.origin}/setup#…`),
        h('p', {}, i18n.t('setupNeeded.cli')),
        h('pre', { class: 'command' }, i18n.t('setupNeeded.command')),
        reload,
      ),
    ),
  );
  return () => root.replaceChildren();
}
