import { DOCUMENT_FIELD } from '@plume/editor-schema';
import * as Y from 'yjs';

/**
 * Types `text` at `index` of a note's first paragraph that starts with text, shaped as the
 * browser editor shapes it (a `paragraph` element holding a text run), creating the paragraph
 * at the top of the note when there is none.
 */
export function typeInNote(doc: Y.Doc, index: number, text: string): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  doc.transact(() => {
    let run = fragment
      .toArray()
      .map((block) => (block instanceof Y.XmlElement && block.nodeName === 'paragraph' ? block.get(0) : null))
      .find((child) => child instanceof Y.XmlText);
    if (!run) {
      const paragraph = new Y.XmlElement('paragraph');
      run = new Y.XmlText();
      paragraph.insert(0, [run]);
      fragment.insert(0, [paragraph]);
    }
    run.insert(index, text);
  });
}

/** The text of a note, one line per top-level block. */
export function noteText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(DOCUMENT_FIELD)
    .toArray()
    .map((block) =>
      block instanceof Y.XmlElement
        ? block
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? child.toString() : ''))
            .join('')
        : '',
    )
    .join('\n');
}
