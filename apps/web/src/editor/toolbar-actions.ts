import { type ChainedCommands, type Editor, findParentNode } from '@tiptap/core';
import type { MessageKey } from '../i18n/fr.ts';
import type { IconName } from './toolbar-icons.ts';

/** One button of the editor's toolbars: what it shows, the command it runs and, for a format, whether it is on. */
export type ToolbarAction = {
  readonly label: MessageKey;
  readonly icon: IconName;
  /** The keys that do the same, as Tiptap names them; the tooltip shows the first. */
  readonly shortcuts: readonly string[];
  /** Adds the command to a chain, which the toolbar runs, or dry-runs to know whether it can run. */
  readonly command: (chain: ChainedCommands) => ChainedCommands;
  /** Whether the format is on at the selection; only toggle buttons have it, shown with aria-pressed. */
  readonly isActive?: (editor: Editor) => boolean;
  /** Whether the action makes sense at the selection, beyond its command being able to run there. */
  readonly isAvailable?: (editor: Editor) => boolean;
};

/** Text formats, each a toggle with the shortcut Tiptap gives it. */
export const FORMAT_ACTIONS: readonly ToolbarAction[] = [
  toggle('editor.bold', 'bold', 'Mod-b', (chain) => chain.toggleBold(), 'bold'),
  toggle('editor.italic', 'italic', 'Mod-i', (chain) => chain.toggleItalic(), 'italic'),
  toggle('editor.underline', 'underline', 'Mod-u', (chain) => chain.toggleUnderline(), 'underline'),
  toggle('editor.strike', 'strike', 'Mod-Shift-s', (chain) => chain.toggleStrike(), 'strike'),
  toggle('editor.highlight', 'highlight', 'Mod-Shift-h', (chain) => chain.toggleHighlight(), 'highlight'),
];

/** Lists and quotes, toggles too. */
export const BLOCK_ACTIONS: readonly ToolbarAction[] = [
  toggle('editor.bulletList', 'bulletList', 'Mod-Shift-8', (chain) => chain.toggleBulletList(), 'bulletList'),
  toggle('editor.orderedList', 'orderedList', 'Mod-Shift-7', (chain) => chain.toggleOrderedList(), 'orderedList'),
  toggle('editor.taskList', 'taskList', 'Mod-Shift-9', (chain) => chain.toggleTaskList(), 'taskList'),
  toggle('editor.blockquote', 'blockquote', 'Mod-Shift-b', (chain) => chain.toggleBlockquote(), 'blockquote'),
];

/** What is inserted at the caret, after the link button; a table is not put inside another. */
export const INSERT_ACTIONS: readonly ToolbarAction[] = [
  {
    label: 'editor.insertTable',
    icon: 'table',
    shortcuts: [],
    command: (chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
    isAvailable: (editor) => !isInTable(editor),
  },
  {
    label: 'editor.horizontalRule',
    icon: 'horizontalRule',
    shortcuts: [],
    command: (chain) => chain.setHorizontalRule(),
  },
  { label: 'editor.pageBreak', icon: 'pageBreak', shortcuts: ['Mod-Enter'], command: (chain) => chain.setPageBreak() },
];

/** Undo and redo, of the person's own changes only: the shared document's history is per author. */
export const HISTORY_ACTIONS: readonly ToolbarAction[] = [
  { label: 'editor.undo', icon: 'undo', shortcuts: ['Mod-z'], command: (chain) => chain.undo() },
  { label: 'editor.redo', icon: 'redo', shortcuts: ['Mod-Shift-z', 'Mod-y'], command: (chain) => chain.redo() },
];

/** What can be done to the table around the selection; the toolbar shows them only inside one. */
export const TABLE_ACTIONS: readonly ToolbarAction[] = [
  { label: 'editor.table.addRowBefore', icon: 'addRowBefore', shortcuts: [], command: (chain) => chain.addRowBefore() },
  { label: 'editor.table.addRowAfter', icon: 'addRowAfter', shortcuts: [], command: (chain) => chain.addRowAfter() },
  {
    label: 'editor.table.addColumnBefore',
    icon: 'addColumnBefore',
    shortcuts: [],
    command: (chain) => chain.addColumnBefore(),
  },
  {
    label: 'editor.table.addColumnAfter',
    icon: 'addColumnAfter',
    shortcuts: [],
    command: (chain) => chain.addColumnAfter(),
  },
  { label: 'editor.table.deleteRow', icon: 'deleteRow', shortcuts: [], command: (chain) => chain.deleteRow() },
  { label: 'editor.table.deleteColumn', icon: 'deleteColumn', shortcuts: [], command: (chain) => chain.deleteColumn() },
  {
    label: 'editor.table.headerRow',
    icon: 'headerRow',
    shortcuts: [],
    command: (chain) => chain.toggleHeaderRow(),
    isActive: (editor) => hasHeaderRow(editor),
  },
  { label: 'editor.table.delete', icon: 'deleteTable', shortcuts: [], command: (chain) => chain.deleteTable() },
];

/** Whether the editor's selection is inside a table. */
export function isInTable(editor: Editor): boolean {
  return tableAround(editor) !== undefined;
}

function toggle(
  label: MessageKey,
  icon: IconName,
  shortcut: string,
  command: ToolbarAction['command'],
  name: string,
): ToolbarAction {
  return { label, icon, shortcuts: [shortcut], command, isActive: (editor) => editor.isActive(name) };
}

// Whether every cell of the first row of the table around the selection is a header cell.
function hasHeaderRow(editor: Editor): boolean {
  const firstRow = tableAround(editor)?.firstChild;
  if (!firstRow || firstRow.childCount === 0) return false;
  let header = true;
  firstRow.forEach((cell) => {
    if (cell.type.name !== 'tableHeader') header = false;
  });
  return header;
}

function tableAround(editor: Editor) {
  return findParentNode((node) => node.type.name === 'table')(editor.state.selection)?.node;
}
