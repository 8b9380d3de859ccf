import type { Translator } from '../i18n/translator.ts';
import { h } from './dom.ts';

/** A modal dialog opened by `openDialog`: put its content in `body`; `close` closes and removes it. */
export type DialogFrame = {
  readonly dialog: HTMLDialogElement;
  readonly body: HTMLElement;
  close(): void;
};

let opened = 0;

/**
 * Opens a native modal `<dialog>` titled `title`, with a close button, at the end of the page;
 * Escape closes it too. Once closed it is removed and `onClosed` runs; the browser gives the focus
 * back to where it was.
 */
export function openDialog(deps: {
  i18n: Translator;
  title: string;
  className?: string;
  onClosed?: () => void;
}): DialogFrame {
  const { i18n, title, className, onClosed } = deps;
  opened += 1;
  const titleId = `dialog-title-${opened}`;
  const close = h('button', { type: 'button', class: 'icon', 'aria-label': i18n.t('common.close') }, '×');
  const body = h('div', { class: 'dialog-body' });
  const dialog = h(
    'dialog',
    { class: className ? `app-dialog ${className}` : 'app-dialog', 'aria-labelledby': titleId },
    h('div', { class: 'dialog-head' }, h('h2', { id: titleId }, title), close),
    body,
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClosed?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  return {
    dialog,
    body,
    close() {
      if (dialog.open) dialog.close();
    },
  };
}
