import { HEADING_LEVELS } from '@plume/editor-schema';
import type { Editor } from '@tiptap/core';
import type { Translator } from '../i18n/translator.ts';
import { selectOf } from '../views/form-field.ts';

type BlockType = 'paragraph' | `heading${(typeof HEADING_LEVELS)[number]}`;

/** The toolbar's choice of what the block at the caret is: a paragraph or a heading of level 1 to 3. */
export type BlockTypeSelect = {
  readonly element: HTMLSelectElement;
  /** Shows the type of the block at the selection; disabled when the editor is not editable. */
  refresh(editable: boolean): void;
};

/**
 * Creates the block type `<select>`. Chosen with the pointer, the new type applies and the
 * editor takes the focus back; chosen with the arrow keys, it applies at each step and the focus
 * stays, so that Titre 3 is three presses away and not one.
 */
export function createBlockTypeSelect(deps: { editor: Editor; i18n: Translator }): BlockTypeSelect {
  const { editor, i18n } = deps;
  const options: Array<readonly [BlockType, string]> = [
    ['paragraph', i18n.t('editor.paragraph')],
    ...HEADING_LEVELS.map((level) => [`heading${level}`, i18n.t(`editor.heading${level}`)] as const),
  ];
  const element = selectOf(
    { class: 'block-type', tabindex: '-1', 'aria-label': i18n.t('editor.blockType') },
    options,
    'paragraph',
  );
  const current = (): BlockType => {
    const level = HEADING_LEVELS.find((candidate) => editor.isActive('heading', { level: candidate }));
    return level === undefined ? 'paragraph' : `heading${level}`;
  };
  let byPointer = false;
  element.addEventListener('pointerdown', () => {
    byPointer = true;
  });
  element.addEventListener('keydown', () => {
    byPointer = false;
  });
  element.addEventListener('change', () => {
    const chain = byPointer ? editor.chain().focus() : editor.chain();
    const level = HEADING_LEVELS.find((candidate) => element.value === `heading${candidate}`);
    (level === undefined ? chain.setParagraph() : chain.setHeading({ level })).run();
    // A block that cannot become a heading keeps its type, and the select says so.
    element.value = current();
  });
  return {
    element,
    refresh(editable) {
      element.disabled = !editable;
      const type = current();
      if (element.value !== type) element.value = type;
    },
  };
}
