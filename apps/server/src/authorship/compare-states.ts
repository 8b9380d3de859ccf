import { DOCUMENT_FIELD } from '@plume/editor-schema';
import { CHANGE_MARKS, type ChangeTally } from '@plume/protocol';
import * as Y from 'yjs';

/** Who wrote and who deleted a struct, as a comparison asks it; undefined when nobody knows. */
export type ChangeAuthors = {
  authorOf(clientId: number): string | undefined;
  deleterOf(client: number, clock: number): string | undefined;
};

/** A ProseMirror JSON node as the comparison builds it. */
type JsonNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

type YChange = { type: 'added' | 'removed'; author: string | null };

// y-prosemirror stores a mark that may overlap itself under `name--hash`.
const HASHED_MARK_NAME = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/**
 * Compares two states of one note's document, `older` included in `newer` as versions of one note
 * are: the newer content as ProseMirror JSON in which text written in between carries an
 * `inserted` mark and text deleted in between stays in place with a `deleted` mark, each naming its
 * author; and per author, how many characters they inserted and deleted.
 */
export function compareStates(
  older: Uint8Array,
  newer: Uint8Array,
  authors: ChangeAuthors,
): { content: JsonNode; tallies: ChangeTally[] } {
  const before = snapshotOf(older);
  const after = snapshotOf(newer);
  // Deleted text must keep its characters: the older state is applied first to a document that
  // never collects garbage, so the newer one only marks it deleted.
  const merged = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(merged, older);
    Y.applyUpdate(merged, newer);
    const tallies = new Map<string | null, ChangeTally>();
    const change = (type: 'added' | 'removed', id: Y.ID): YChange => ({
      type,
      author: (type === 'added' ? authors.authorOf(id.client) : authors.deleterOf(id.client, id.clock)) ?? null,
    });
    const walk = createWalker(before, after, change, (ychange, length) => {
      const tally = tallies.get(ychange.author) ?? { author: ychange.author, inserted: 0, deleted: 0 };
      if (ychange.type === 'added') tally.inserted += length;
      else tally.deleted += length;
      tallies.set(ychange.author, tally);
    });
    const content: JsonNode = { type: 'doc', content: walk(merged.getXmlFragment(DOCUMENT_FIELD)) };
    const ranked = [...tallies.values()].sort((a, b) => b.inserted + b.deleted - (a.inserted + a.deleted));
    return { content, tallies: ranked };
  } finally {
    merged.destroy();
  }
}

function snapshotOf(update: Uint8Array): Y.Snapshot {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return Y.snapshot(doc);
  } finally {
    doc.destroy();
  }
}

function isVisible(item: Y.Item, snapshot: Y.Snapshot): boolean {
  return (snapshot.sv.get(item.id.client) ?? 0) > item.id.clock && !Y.isDeleted(snapshot.ds, item.id);
}

function createWalker(
  before: Y.Snapshot,
  after: Y.Snapshot,
  change: (type: 'added' | 'removed', id: Y.ID) => YChange,
  count: (ychange: YChange, length: number) => void,
): (parent: Y.XmlFragment | Y.XmlElement) => JsonNode[] {
  // Children that exist in either state: everything up to the newer state, less what the older had deleted.
  const either = Y.createSnapshot(before.ds, after.sv);

  function walk(parent: Y.XmlFragment | Y.XmlElement): JsonNode[] {
    const nodes: JsonNode[] = [];
    for (const child of Y.typeListToArraySnapshot(parent, either) as (Y.XmlElement | Y.XmlText)[]) {
      if (child instanceof Y.XmlText) nodes.push(...textNodes(child));
      else if (child instanceof Y.XmlElement) nodes.push(elementNode(child));
    }
    return nodes;
  }

  function elementNode(element: Y.XmlElement): JsonNode {
    const item = element._item as Y.Item;
    // A removed element keeps the attributes it had (a heading its level).
    const attrs = element.getAttributes(isVisible(item, after) ? after : before) as Record<string, unknown>;
    const node: JsonNode = { type: element.nodeName };
    if (Object.keys(attrs).length > 0) node.attrs = attrs;
    const content = walk(element);
    if (content.length > 0) node.content = content;
    return node;
  }

  function textNodes(text: Y.XmlText): JsonNode[] {
    const nodes: JsonNode[] = [];
    const deltas = text.toDelta(after, before, change) as { insert: unknown; attributes?: Record<string, unknown> }[];
    for (const { insert, attributes = {} } of deltas) {
      if (typeof insert !== 'string' || insert.length === 0) continue;
      const marks: NonNullable<JsonNode['marks']> = [];
      for (const [key, value] of Object.entries(attributes)) {
        if (key === 'ychange') continue;
        const type = HASHED_MARK_NAME.exec(key)?.[1] ?? key;
        const attrs = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        marks.push(Object.keys(attrs).length > 0 ? { type, attrs } : { type });
      }
      const ychange = attributes.ychange as YChange | undefined;
      if (ychange) {
        count(ychange, insert.length);
        marks.push({
          type: ychange.type === 'added' ? CHANGE_MARKS.inserted : CHANGE_MARKS.deleted,
          attrs: { author: ychange.author },
        });
      }
      nodes.push(marks.length > 0 ? { type: 'text', text: insert, marks } : { type: 'text', text: insert });
    }
    return nodes;
  }

  return walk;
}
