import { DOCUMENT_FIELD } from '@plume/editor-schema';
import * as Y from 'yjs';

/**
 * Types `text` at `index` of a note's first paragraph, shaped as the browser editor shapes it
 * (a `paragraph` element holding a text run), creating the paragraph in an empty note.
 */
export function typeInNote(doc: Y.Doc, index: number, text: string): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  doc.transact(() => {
    let paragraph = fragment.get(0);
    if (!(paragraph instanceof Y.XmlElement)) {
      paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText()]);
      fragment.insert(0, [paragraph]);
    }
    const run = paragraph.get(0);
    if (!(run instanceof Y.XmlText)) throw new Error('the first paragraph does not start with text');
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
