import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/**
 * A read-only field holding a link shown only once (share link, invitation), with a button that
 * copies it and says whether that worked.
 */
export function createCopyField(deps: { i18n: Translator; id: string; label: string; value: string }): HTMLElement {
  const { i18n, id, label, value } = deps;
  const input = h('input', { id, type: 'text', readonly: 'true', spellcheck: 'false', class: 'copy-value' });
  input.value = value;
  const button = h('button', { type: 'button', class: 'secondary' }, i18n.t('copy.button'));
  const status = h('p', { class: 'hint', role: 'status' });
  const selectAll = () => input.setSelectionRange(0, input.value.length);
  input.addEventListener('focus', selectAll);
  button.addEventListener('click', () => {
    // The Clipboard API exists only in secure contexts (https or localhost): elsewhere the link is
    // selected for the person to copy by hand.
    const manual = () => {
      input.focus();
      selectAll();
      status.textContent = i18n.t('copy.manual');
    };
    if (!navigator.clipboard) {
      manual();
      return;
    }
    navigator.clipboard.writeText(value).then(() => {
      status.textContent = i18n.t('copy.done');
    }, manual);
  });
  return h(
    'div',
    { class: 'copy-field' },
    h('label', { for: id }, label),
    h('div', { class: 'row' }, input, button),
    status,
  );
}
