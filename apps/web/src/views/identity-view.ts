import { normaliseDisplayName } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/** Shows the form where a person chooses their display name; calls `onChosen` with it. */
export function mountIdentityView(
  root: HTMLElement,
  deps: { i18n: Translator; currentName: string | null; onChosen: (name: string) => void },
): () => void {
  const { i18n, currentName, onChosen } = deps;
  const input = h('input', {
    id: 'display-name',
    name: 'display-name',
    autocomplete: 'nickname',
    required: 'true',
    maxlength: '40',
  });
  input.value = currentName ?? '';
  const form = h(
    'form',
    { class: 'card identity' },
    h('h1', {}, i18n.t('identity.title')),
    h('p', {}, i18n.t('identity.prompt')),
    h('label', { for: 'display-name' }, i18n.t('identity.label')),
    input,
    h('button', { type: 'submit', class: 'primary' }, i18n.t('identity.submit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = normaliseDisplayName(input.value);
    if (name !== null) onChosen(name);
  });
  root.replaceChildren(h('main', { class: 'page narrow' }, form));
  input.focus();
  return () => root.replaceChildren();
}
