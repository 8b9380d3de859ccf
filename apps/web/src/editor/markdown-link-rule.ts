import { isSafeHref } from '@plume/editor-schema';
import { Extension, InputRule, type InputRuleMatch } from '@tiptap/core';

// "[texte](adresse)" just typed, at the end of the text before the caret.
const MARKDOWN_LINK = /\[([^[\]]+)\]\(([^()\s]+)\)$/;

/**
 * Finds a Markdown link, `[texte](https://exemple.fr)`, ending the text before the caret; null
 * unless its address is one `isSafeHref` accepts, so that anything else stays as typed.
 */
export function findMarkdownLink(textBefore: string): InputRuleMatch | null {
  const match = MARKDOWN_LINK.exec(textBefore);
  const label = match?.[1];
  const href = match?.[2];
  if (!match || label === undefined || !isSafeHref(href) || label.trim() === '') return null;
  return { index: match.index, text: match[0], data: { label, href } };
}

/** Typing `[texte](https://exemple.fr)` makes "texte" a link to that address, when the address is safe. */
export const MarkdownLinkRule = Extension.create({
  name: 'markdownLinkRule',

  addInputRules() {
    return [
      new InputRule({
        find: findMarkdownLink,
        handler: ({ state, range, match }) => {
          const { label, href } = match.data ?? {};
          const link = state.schema.marks.link;
          if (typeof label !== 'string' || !isSafeHref(href) || !link) return null;
          const marks = link.create({ href }).addToSet(state.doc.resolve(range.from).marks());
          state.tr.replaceWith(range.from, range.to, state.schema.text(label, marks));
          // Links extend to text typed at their end; what comes after this one is not part of it.
          state.tr.removeStoredMark(link);
        },
      }),
    ];
  },
});
