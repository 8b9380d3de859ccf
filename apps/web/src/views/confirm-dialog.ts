import type { Translator } from '../i18n/translator.ts';
import { openDialog } from './dialog-frame.ts';
import { h } from './dom.ts';

/**
 * Asks the person to confirm a destructive action in a modal dialog; `onConfirm` runs only when
 * they press the confirming button. Cancel has the focus, so that Enter alone never destroys
 * anything. Returns a function that closes the dialog without confirming.
 */
export function askToConfirm(deps: {
  i18n: Translator;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}): () => void {
  const { i18n, title, message, confirmLabel, onConfirm } = deps;
  let confirmed = false;
  const frame = openDialog({
    i18n,
    title,
    className: 'confirm-dialog',
    // After the dialog has given the focus back, so that what follows may move it again.
    onClosed: () => {
      if (confirmed) onConfirm();
    },
  });
  const cancel = h('button', { type: 'button', class: 'secondary' }, i18n.t('common.cancel'));
  const confirm = h('button', { type: 'button', class: 'danger' }, confirmLabel);
  cancel.addEventListener('click', () => frame.close());
  confirm.addEventListener('click', () => {
    confirmed = true;
    frame.close();
  });
  frame.body.append(h('p', {}, message), h('div', { class: 'dialog-actions' }, cancel, confirm));
  cancel.focus();
  return () => frame.close();
}
