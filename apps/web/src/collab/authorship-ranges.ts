import * as Y from 'yjs';

/** A run of text in the editor's document, `from` to `to` (ProseMirror positions), typed by one Yjs client. */
export type ClientRun = { from: number; to: number; clientId: number };

/** A run of text written by one author; `author` is null when the client that typed it is not known. */
export type AuthorRange = { from: number; to: number; author: string | null };

/** What `clientRuns` found: the runs of text, and the content size of the document they lie in. */
export type ClientRuns = { runs: ClientRun[]; size: number };

// An XML node the walk cannot place: the document is not one y-prosemirror would draw.
class UnknownNode extends Error {}

/**
 * Walks a note's Y.XmlFragment as y-prosemirror maps it onto a ProseMirror document, giving each
 * run of live text with the client that typed it. An element takes one position to open and one
 * to close around its content, a leaf (`isLeaf(name)`) one in all; a text item as many as its
 * UTF-16 length; formatting items none. Adjacent runs of one client are merged. Returns null when
 * the fragment holds something y-prosemirror does not draw as a node; never throws otherwise.
 */
export function clientRuns(fragment: Y.XmlFragment, isLeaf: (nodeName: string) => boolean): ClientRuns | null {
  const runs: ClientRun[] = [];
  const push = (from: number, to: number, clientId: number) => {
    const last = runs[runs.length - 1];
    if (last && last.to === from && last.clientId === clientId) last.to = to;
    else runs.push({ from, to, clientId });
  };

  const walkText = (text: Y.XmlText, start: number): number => {
    let position = start;
    // The item list, rather than toDelta(), gives each piece's client without copying the text.
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      push(position, position + item.length, item.id.client);
      position += item.length;
    }
    return position;
  };

  const walkChildren = (parent: Y.XmlFragment, start: number): number => {
    let position = start;
    for (const child of parent.toArray()) {
      // XmlText is a Text and XmlElement a Fragment: the more specific class is tested first.
      if (child instanceof Y.XmlText) position = walkText(child, position);
      else if (child instanceof Y.XmlElement) {
        position = isLeaf(child.nodeName) ? position + 1 : walkChildren(child, position + 1) + 1;
      } else throw new UnknownNode();
    }
    return position;
  };

  try {
    const size = walkChildren(fragment, 0);
    return { runs, size };
  } catch (error) {
    if (error instanceof UnknownNode) return null;
    throw error;
  }
}

/**
 * Turns client runs into author ranges: each client id becomes its author (`authorOf`, undefined
 * for a client nobody has named), and adjacent runs of one author are merged.
 */
export function authorRanges(
  runs: readonly ClientRun[],
  authorOf: (clientId: number) => string | undefined,
): AuthorRange[] {
  const ranges: AuthorRange[] = [];
  for (const run of runs) {
    const author = authorOf(run.clientId) ?? null;
    const last = ranges[ranges.length - 1];
    if (last && last.to === run.from && last.author === author) last.to = run.to;
    else ranges.push({ from: run.from, to: run.to, author });
  }
  return ranges;
}
