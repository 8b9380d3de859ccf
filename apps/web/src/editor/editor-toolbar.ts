import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Translator } from '../i18n/translator.ts';
import { h } from '../views/dom.ts';
import { createBlockTypeSelect } from './block-type-select.ts';
import { openLinkDialog } from './link-dialog.ts';
import { createRovingFocus } from './roving-focus.ts';
import {
  BLOCK_ACTIONS,
  FORMAT_ACTIONS,
  HISTORY_ACTIONS,
  INSERT_ACTIONS,
  isInTable,
  TABLE_ACTIONS,
  type ToolbarAction,
} from './toolbar-actions.ts';
import { toolbarButton } from './toolbar-button.ts';
import { toolbarContextOf } from './toolbar-context.ts';

/** Longest waits before the toolbar follows the person's own edit and a co-author's, in milliseconds. */
const LOCAL_REFRESH_DELAY_MS = 100;
const REMOTE_REFRESH_DELAY_MS = 300;

/**
 * Mounts the editor's toolbars at the top of `container`, above the note: block type, formats,
 * lists, link, insertions and undo/redo, then the table's own actions while the selection is in
 * a table. They follow the selection (pressed formats, disabled commands) and stay at the top of
 * the screen while the note scrolls; on a phone each is one row that scrolls sideways.
 *
 * Keyboard: each toolbar is one tab stop, the arrows, Home and End move inside it, Escape goes
 * back to the note and Alt+F10 comes to the toolbar from it. A button pressed with the keyboard
 * keeps the focus, so that several formats can be set in a row; pressed with the pointer, it
 * leaves the focus (and a phone's keyboard) in the note. Returns a function that removes them.
 */
export function mountEditorToolbar(container: HTMLElement, deps: { editor: Editor; i18n: Translator }): () => void {
  const { editor, i18n } = deps;
  const refreshers: Array<(editable: boolean) => void> = [];

  const actionButton = (action: ToolbarAction): HTMLButtonElement => {
    const button = toolbarButton({ ...action, toggle: action.isActive !== undefined }, i18n);
    button.addEventListener('click', (event) => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      // A click from a key has no detail: Enter and Space leave the focus on the button.
      action.command(event.detail > 0 ? editor.chain().focus() : editor.chain()).run();
    });
    refreshers.push((editable) => {
      const available = editable && (action.isAvailable?.(editor) ?? true);
      setDisabled(button, !(available && action.command(editor.can().chain()).run()));
      if (action.isActive) button.setAttribute('aria-pressed', String(editable && action.isActive(editor)));
    });
    return button;
  };

  const link = toolbarButton({ label: 'editor.link', icon: 'link', shortcuts: ['Mod-k'], toggle: false }, i18n);
  link.setAttribute('aria-haspopup', 'dialog');
  link.addEventListener('click', () => {
    if (link.getAttribute('aria-disabled') !== 'true') openLinkDialog({ editor, i18n });
  });
  refreshers.push((editable) => setDisabled(link, !editable));

  const blockType = createBlockTypeSelect({ editor, i18n });
  refreshers.push(blockType.refresh);

  const main = h(
    'div',
    {
      class: 'editor-toolbar',
      role: 'toolbar',
      'aria-label': i18n.t('editor.toolbar'),
      'aria-keyshortcuts': 'Alt+F10',
    },
    blockType.element,
    separator(),
    ...FORMAT_ACTIONS.map(actionButton),
    separator(),
    ...BLOCK_ACTIONS.map(actionButton),
    separator(),
    link,
    ...INSERT_ACTIONS.map(actionButton),
    separator(),
    ...HISTORY_ACTIONS.map(actionButton),
  );
  const table = h(
    'div',
    { class: 'editor-toolbar table-toolbar', role: 'toolbar', 'aria-label': i18n.t('editor.tableToolbar') },
    ...TABLE_ACTIONS.map(actionButton),
  );
  table.hidden = true;
  const bar = h('div', { class: 'editor-toolbars' }, main, table);
  container.prepend(bar);
  const rovings = [createRovingFocus(main), createRovingFocus(table)];

  let idle = 0;
  let later: ReturnType<typeof setTimeout> | undefined;
  let shownContext: string | null = null;
  const refresh = () => {
    cancelIdleCallback(idle);
    clearTimeout(later);
    idle = 0;
    later = undefined;
    const editable = editor.isEditable;
    const context = toolbarContextOf(editor.state, editable);
    if (context !== null && context === shownContext) return;
    shownContext = context;
    for (const refresher of refreshers) refresher(editable);
    const inTable = editable && isInTable(editor);
    if (table.hidden === inTable) {
      // Its button deleted the table: the focus would otherwise fall to the page.
      const hadFocus = table.contains(document.activeElement);
      table.hidden = !inTable;
      if (hadFocus) editor.commands.focus();
    }
  };
  // Asking every command whether it can run takes milliseconds in a long note: the toolbar
  // follows the person's own transactions once the browser is idle, out of the way of the frame
  // that shows the key they pressed. Co-authors' edits rarely change what applies at the caret
  // and arrive many times a second in a busy note: they refresh it at most a few times a second.
  const scheduleRefresh = ({ transaction }: { transaction: Transaction }) => {
    if (transaction.getMeta(ySyncPluginKey)?.isChangeOrigin === true) {
      later ??= setTimeout(refresh, REMOTE_REFRESH_DELAY_MS);
    } else if (idle === 0) idle = requestIdleCallback(refresh, { timeout: LOCAL_REFRESH_DELAY_MS });
  };
  const onBarKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    editor.commands.focus();
  };
  const onEditorKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || event.key !== 'F10') return;
    event.preventDefault();
    rovings[0]?.focus();
  };
  // Pressing a button must not take the focus from the note, which would close a phone's keyboard.
  const onBarMouseDown = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('button')) event.preventDefault();
  };
  bar.addEventListener('keydown', onBarKeyDown);
  bar.addEventListener('mousedown', onBarMouseDown);
  editor.view.dom.addEventListener('keydown', onEditorKeyDown);
  editor.on('transaction', scheduleRefresh);
  refresh();

  return () => {
    cancelIdleCallback(idle);
    clearTimeout(later);
    editor.off('transaction', scheduleRefresh);
    editor.view.dom.removeEventListener('keydown', onEditorKeyDown);
    for (const roving of rovings) roving.dispose();
    bar.remove();
  };
}

// Disabled buttons stay focusable, as the toolbar pattern advises, so that they can be found.
function setDisabled(button: HTMLButtonElement, disabled: boolean): void {
  if (disabled) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
}

function separator(): HTMLElement {
  return h('span', { class: 'toolbar-separator', 'aria-hidden': 'true' });
}
