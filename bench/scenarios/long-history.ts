import * as Y from 'yjs';

/** A note's history as the bench stores it: chunks to send in order, and what they add up to. */
export type LongHistory = {
  /** Updates, each well under any server's frame limit, that together make the document. */
  chunks: Uint8Array[];
  /** Size in bytes of the whole document encoded as one update (Y.encodeStateAsUpdate). */
  documentBytes: number;
  /** ASCII text inserted last and never deleted: a client has the document once it saw these bytes. */
  endMarker: string;
};

/** Inserts in the history; each is one character typed by the same person. */
const INSERTS = 200_000;
/** Single-character deletes in the history, as backspaces in runs of three. */
const DELETES = 50_000;
const BACKSPACE_RUN = 3;
/** Chance per keystroke that the cursor jumps elsewhere in the text. */
const JUMP_CHANCE = 0.005;
/** Inserts per chunk: about 50 KB of update each. */
const INSERTS_PER_CHUNK = 25_000;

/**
 * Builds, deterministically, a long typing history in Tiptap's shape (one paragraph in the
 * `default` fragment): 200,000 keystrokes, mostly at a cursor that sometimes jumps, and 50,000
 * backspaces; about 425 KB as one Yjs update.
 */
export function createLongHistory(): LongHistory {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const doc = new Y.Doc();
  doc.clientID = 1;
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);

  const chunks: Uint8Array[] = [];
  let sent: Uint8Array = new Uint8Array([0]);
  const cut = () => {
    chunks.push(Y.encodeStateAsUpdate(doc, sent));
    sent = Y.encodeStateVector(doc);
  };
  let inserts = 0;
  let deletes = 0;
  let cursor = 0;
  while (inserts < INSERTS) {
    if (random() < JUMP_CHANCE) cursor = Math.floor(random() * (text.length + 1));
    if (deletes < DELETES && cursor > BACKSPACE_RUN && random() < 0.25 / BACKSPACE_RUN) {
      for (let i = 0; i < BACKSPACE_RUN; i++) text.delete(--cursor, 1);
      deletes += BACKSPACE_RUN;
    } else {
      text.insert(cursor++, String.fromCharCode(97 + Math.floor(random() * 26)));
      inserts++;
      if (inserts % INSERTS_PER_CHUNK === 0) cut();
    }
  }
  while (deletes < DELETES) {
    text.delete(Math.floor(random() * (text.length - 1)), 1);
    deletes++;
  }
  const endMarker = '~END-OF-LONG-HISTORY~';
  text.insert(text.length, endMarker);
  cut();
  const documentBytes = Y.encodeStateAsUpdate(doc).byteLength;
  doc.destroy();
  return { chunks, documentBytes, endMarker };
}
