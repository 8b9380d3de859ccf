import { h } from './dom.ts';

/** A page that only says something, with an optional button: used when Plume itself cannot start. */
export function mountMessageView(
  root: HTMLElement,
  deps: { message: string; action?: { label: string; onClick: () => void } },
): () => void {
  const { message, action } = deps;
  const card = h('div', { class: 'card stack' }, h('p', { class: 'error', role: 'alert' }, message));
  if (action) {
    const button = h('button', { type: 'button', class: 'primary' }, action.label);
    button.addEventListener('click', action.onClick);
    card.append(button);
  }
  root.replaceChildren(h('main', { class: 'page narrow' }, card));
  return () => root.replaceChildren();
}
