import { mergeAttributes, Node } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pageBreak: {
      /** Inserts a page break after the current block: printing starts a new page there. */
      setPageBreak: () => ReturnType;
    };
  }
}

/**
 * A forced page break for print: a block with no content, drawn as a dashed rule in the editor
 * and turned into `break-after: page` by the print stylesheet. Mod-Enter inserts one.
 */
export const PageBreak = Node.create({
  name: 'pageBreak',
  group: 'block',
  atom: true,
  selectable: true,

  parseHTML() {
    // Word and LibreOffice mark a forced break on an element's style; Plume's own HTML uses the data attribute.
    return [
      { tag: 'div[data-page-break]' },
      { tag: 'br[style*="page-break-before: always"]', priority: 60 },
      { tag: 'br[style*="break-before: page"]', priority: 60 },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-page-break': '', class: 'page-break' })];
  },

  addCommands() {
    return {
      setPageBreak:
        () =>
        ({ chain }) =>
          chain().insertContent({ type: this.name }).run(),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Enter': () => this.editor.commands.setPageBreak() };
  },
});
