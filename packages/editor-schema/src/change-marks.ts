import { type AnyExtension, Mark, mergeAttributes } from '@tiptap/core';

/** Which of the two change marks a piece of compared text carries. */
export type ChangeKind = 'inserted' | 'deleted';

/** How a change is shown: a class for its author's colour and a tooltip naming them; both optional. */
export type ChangeLook = { className?: string; title?: string };

/** Options of `createChangeMarks`: `describe` says how one author's change looks. */
export type ChangeMarkOptions = {
  describe?: (kind: ChangeKind, author: string | null) => ChangeLook;
};

type ChangeMarkSettings = { describe: (kind: ChangeKind, author: string | null) => ChangeLook };

// The two marks differ only in their name and element: one factory keeps them alike.
function changeMark(kind: ChangeKind, tag: 'ins' | 'del') {
  return Mark.create<ChangeMarkSettings>({
    name: kind,
    // Typing next to a change must not extend it: these marks only ever come from the server.
    inclusive: false,

    addOptions() {
      return { describe: () => ({}) };
    },

    addAttributes() {
      return {
        author: {
          default: null,
          parseHTML: (element: HTMLElement) => element.getAttribute('data-author'),
          renderHTML: (attributes: { author?: string | null }) =>
            typeof attributes.author === 'string' ? { 'data-author': attributes.author } : {},
        },
      };
    },

    parseHTML() {
      return [{ tag: `${tag}.change-${kind}` }];
    },

    renderHTML({ mark, HTMLAttributes }) {
      const author = typeof mark.attrs.author === 'string' ? mark.attrs.author : null;
      const { className, title } = this.options.describe(kind, author);
      const look: Record<string, string> = {
        class: className ? `change change-${kind} ${className}` : `change change-${kind}`,
      };
      if (title) look.title = title;
      return [tag, mergeAttributes(HTMLAttributes, look), 0];
    },
  });
}

/**
 * The `inserted` and `deleted` marks of a comparison between two versions, drawn as
 * `<ins class="change change-inserted" data-author="…">` and `<del class="change change-deleted">`;
 * `attrs.author` is an author id, or null for text older than authorship records. They are not part
 * of a note's schema: only the comparison view adds them to `createEditorExtensions()`.
 */
export function createChangeMarks(options: ChangeMarkOptions = {}): AnyExtension[] {
  const settings = options.describe ? { describe: options.describe } : {};
  return [changeMark('inserted', 'ins').configure(settings), changeMark('deleted', 'del').configure(settings)];
}
