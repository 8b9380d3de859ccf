import { DOCUMENT_FIELD, type DocumentRules, MAX_NESTING_DEPTH, TEXT_NODE } from '@plume/editor-schema';
import * as Y from 'yjs';
import { RejectedMessageError } from './rejected-message-error.ts';
import type { DecodedStruct, DecodedUpdate, ParentRef, StructId } from './update-decoder.ts';

/**
 * Where a struct lands: under the note's root fragment, in an element or a text run (with its
 * depth below the root), in some other shared type, or nowhere because Yjs will turn it into
 * garbage (its parent or neighbour was already collected).
 */
type Place =
  | { readonly kind: 'fragment' }
  | { readonly kind: 'element'; readonly nodeName: string; readonly depth: number }
  | { readonly kind: 'text'; readonly depth: number }
  | { readonly kind: 'other' }
  | { readonly kind: 'collected' };

type Position = { readonly place: Place; readonly parentSub: string | null };

/** Who is asking: whether a client id belongs to another live connection of the room, or to another author. */
export type GateContext = { isForeignClient(client: number): boolean };

/**
 * Checks a decoded update against a document before it is applied, so that applying it is all or
 * nothing: no author another connection owns, no clock gap or missing dependency (which Yjs would
 * park half-applied), and only content the editor schema accepts at the place it lands.
 * Throws a RejectedMessageError naming the first problem; returns when the update may be applied.
 */
export function checkUpdate(doc: Y.Doc, update: DecodedUpdate, rules: DocumentRules, context: GateContext): void {
  const knownEnd = new Map<number, number>();
  const endOf = (client: number) => knownEnd.get(client) ?? Y.getState(doc.store, client);
  const blocks = new Map<number, { structs: readonly DecodedStruct[]; state: number }>();

  // Yjs looks up the references of every struct, even one it already has and will skip, so
  // every struct is checked for references; content is checked only where it is new.
  for (const { client, structs } of update.clients) {
    const first = structs[0];
    const last = structs.at(-1);
    if (!first || !last) continue;
    const state = Y.getState(doc.store, client);
    if (first.clock > state) {
      throw new RejectedMessageError(
        'clockGap',
        `author ${client} starts at clock ${first.clock}, the note has ${state}`,
      );
    }
    if (structs.some((struct) => struct.type === 'skip')) {
      throw new RejectedMessageError('clockGap', `author ${client} has a hole in its changes`);
    }
    const end = last.clock + last.length;
    if (end > state) {
      if (context.isForeignClient(client)) {
        throw new RejectedMessageError(
          'clientIdInUse',
          `changes under client id ${client}, which another connection or author owns`,
        );
      }
      knownEnd.set(client, end);
    }
    blocks.set(client, { structs, state });
  }

  const index = indexNewStructs(blocks);
  for (const [client, { structs }] of blocks) {
    for (const struct of structs) {
      for (const ref of referencesOf(struct)) {
        // Yjs integrates an author's structs in clock order, so a reference to the same author
        // must point back; a forward one makes it throw halfway through applying.
        const missing = ref.client === client ? ref.clock >= struct.clock : ref.clock >= endOf(ref.client);
        if (missing)
          throw new RejectedMessageError(
            'clockGap',
            `author ${client} refers to ${ref.client}:${ref.clock}, which the note lacks`,
          );
      }
    }
  }
  checkIntegrationOrder(blocks, index);

  const positions = createPositionResolver(doc, index);
  for (const [client, { structs, state }] of blocks) {
    for (const struct of structs) {
      if (struct.type !== 'item' || struct.clock + struct.length <= state) continue;
      const problem = contentProblem(struct, positions.of({ client, clock: struct.clock }, 0), rules);
      if (problem) throw new RejectedMessageError('invalidDocument', problem);
    }
  }

  for (const range of update.deletes) {
    if (range.clock + range.length > endOf(range.client)) {
      throw new RejectedMessageError(
        'clockGap',
        `deletion of ${range.client}:${range.clock}+${range.length}, which the note lacks`,
      );
    }
  }
}

/** An update's structs by author, with the clock the note already has for that author. */
type UpdateBlocks = ReadonlyMap<number, { structs: readonly DecodedStruct[]; state: number }>;
/** Finds the struct of an update holding an id the note does not have yet. */
type StructIndex = { find(id: StructId): DecodedStruct | null };

function referencesOf(struct: DecodedStruct): StructId[] {
  if (struct.type !== 'item') return [];
  const refs: StructId[] = [];
  if (struct.origin) refs.push(struct.origin);
  if (struct.rightOrigin) refs.push(struct.rightOrigin);
  if (struct.parent && 'item' in struct.parent) refs.push(struct.parent.item);
  return refs;
}

function indexNewStructs(blocks: UpdateBlocks): StructIndex {
  return {
    find(id) {
      const entry = blocks.get(id.client);
      if (!entry || id.clock < entry.state) return null;
      const { structs } = entry;
      let low = 0;
      let high = structs.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const struct = structs[middle] as DecodedStruct;
        if (id.clock < struct.clock) high = middle - 1;
        else if (id.clock >= struct.clock + struct.length) low = middle + 1;
        else return struct;
      }
      return null;
    },
  };
}

// Yjs can apply an update only if its new structs can be ordered so that each comes after the
// previous struct of its author and after every new struct it refers to; a cycle among those
// makes it park or throw halfway, so it is refused first.
function checkIntegrationOrder(blocks: UpdateBlocks, index: StructIndex): void {
  const done = new Set<DecodedStruct>();
  const active = new Set<DecodedStruct>();
  const previous = new Map<DecodedStruct, DecodedStruct>();
  for (const { structs } of blocks.values()) {
    for (let i = 1; i < structs.length; i++) previous.set(structs[i] as DecodedStruct, structs[i - 1] as DecodedStruct);
  }
  const dependencies = (struct: DecodedStruct): DecodedStruct[] => {
    const found = referencesOf(struct).flatMap((ref) => index.find(ref) ?? []);
    const before = previous.get(struct);
    if (before) found.push(before);
    return found;
  };
  for (const { structs } of blocks.values()) {
    for (const root of structs) {
      if (done.has(root)) continue;
      const stack: { struct: DecodedStruct; next: DecodedStruct[] }[] = [{ struct: root, next: dependencies(root) }];
      active.add(root);
      while (stack.length > 0) {
        const top = stack.at(-1) as { struct: DecodedStruct; next: DecodedStruct[] };
        const dependency = top.next.pop();
        if (dependency === undefined) {
          stack.pop();
          active.delete(top.struct);
          done.add(top.struct);
        } else if (active.has(dependency)) {
          throw new RejectedMessageError('clockGap', "the update's changes depend on one another in a circle");
        } else if (!done.has(dependency)) {
          active.add(dependency);
          stack.push({ struct: dependency, next: dependencies(dependency) });
        }
      }
    }
  }
}

// Why an item cannot land where it does, or null when the editor schema accepts it there.
function contentProblem(
  struct: Extract<DecodedStruct, { type: 'item' }>,
  position: Position,
  rules: DocumentRules,
): string | null {
  const { place, parentSub } = position;
  const { content } = struct;
  if (place.kind === 'collected' || content.kind === 'deleted') return null;
  if (parentSub !== null) {
    if (place.kind !== 'element') return `attribute "${parentSub}" outside an element`;
    if (content.kind !== 'any' || content.values.length !== 1) return `attribute "${parentSub}" is not a plain value`;
    return rules.checkNodeAttribute(place.nodeName, parentSub, content.values[0]);
  }
  switch (content.kind) {
    case 'element':
    case 'xmlText': {
      const child = content.kind === 'element' ? content.nodeName : TEXT_NODE;
      if (place.kind === 'fragment') return rules.checkChild(rules.rootNode, child);
      if (place.kind !== 'element') return `"${child}" inside ${place.kind === 'text' ? 'text' : 'a foreign type'}`;
      if (place.depth + 1 > MAX_NESTING_DEPTH) return `nesting deeper than ${MAX_NESTING_DEPTH}`;
      return rules.checkChild(place.nodeName, child);
    }
    case 'string':
      return place.kind === 'text' ? null : 'text outside a text run';
    case 'format':
      return place.kind === 'text' ? rules.checkMark(content.key, content.value) : 'formatting outside a text run';
    case 'any':
      return 'a list of values inside the note';
    case 'unsupported':
      return `${content.what} inside the note`;
  }
}

// Finds where items land without applying anything: an item whose update names no parent shares
// the parent of its origin (or right origin), which may itself be new in this update. Chains are
// walked iteratively because typed text makes them as long as the text.
function createPositionResolver(doc: Y.Doc, index: StructIndex) {
  const resolved = new Map<DecodedStruct, Position>();
  const typePlaces = new Map<Y.AbstractType<unknown>, Place>();

  const findNew = index.find;

  function placeOfType(type: Y.AbstractType<unknown>): Place {
    const cached = typePlaces.get(type);
    if (cached) return cached;
    let place: Place;
    if (type._item === null) {
      place = Y.findRootTypeKey(type) === DOCUMENT_FIELD ? { kind: 'fragment' } : { kind: 'other' };
    } else {
      const parent = type._item.parent;
      const above = parent instanceof Y.AbstractType ? placeOfType(parent) : ({ kind: 'collected' } as const);
      const depth = above.kind === 'element' || above.kind === 'text' ? above.depth + 1 : 1;
      if (above.kind === 'collected') place = above;
      else if (type instanceof Y.XmlElement) place = { kind: 'element', nodeName: type.nodeName, depth };
      else if (type instanceof Y.XmlText) place = { kind: 'text', depth };
      else place = { kind: 'other' };
    }
    typePlaces.set(type, place);
    return place;
  }

  // The place inside a struct, when it is a shared type that other items can sit in.
  function placeInside(id: StructId, hops: number): Place {
    const fresh = findNew(id);
    if (fresh) {
      if (fresh.type !== 'item') return { kind: 'collected' };
      const position = of({ client: id.client, clock: fresh.clock }, hops + 1);
      const { place } = position;
      if (place.kind === 'collected') return place;
      if (position.parentSub !== null) return { kind: 'other' };
      const depth = place.kind === 'element' || place.kind === 'text' ? place.depth + 1 : 1;
      if (fresh.content.kind === 'element') return { kind: 'element', nodeName: fresh.content.nodeName, depth };
      if (fresh.content.kind === 'xmlText') return { kind: 'text', depth };
      return fresh.content.kind === 'unsupported' ? { kind: 'other' } : { kind: 'collected' };
    }
    const stored = Y.getItem(doc.store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC;
    if (!(stored instanceof Y.Item) || !(stored.content instanceof Y.ContentType)) return { kind: 'collected' };
    return placeOfType(stored.content.type);
  }

  function positionBeside(id: StructId, hops: number): Position {
    const fresh = findNew(id);
    if (fresh)
      return fresh.type === 'item'
        ? of({ client: id.client, clock: fresh.clock }, hops)
        : { place: { kind: 'collected' }, parentSub: null };
    const stored = Y.getItem(doc.store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC;
    if (!(stored instanceof Y.Item) || !(stored.parent instanceof Y.AbstractType))
      return { place: { kind: 'collected' }, parentSub: null };
    return { place: placeOfType(stored.parent), parentSub: stored.parentSub };
  }

  function placeOfParent(parent: ParentRef, hops: number): Place {
    if ('root' in parent) return parent.root === DOCUMENT_FIELD ? { kind: 'fragment' } : { kind: 'other' };
    return placeInside(parent.item, hops);
  }

  /**
   * The position of the new struct starting at `id`; its references are known to exist and to
   * form no circle. `hops` counts the new parents walked up so far, which bounds the recursion.
   */
  function of(id: StructId, hops: number): Position {
    if (hops > MAX_NESTING_DEPTH)
      throw new RejectedMessageError('invalidDocument', `nesting deeper than ${MAX_NESTING_DEPTH}`);
    const start = findNew(id) as Extract<DecodedStruct, { type: 'item' }>;
    const chain: DecodedStruct[] = [];
    let struct: DecodedStruct | null = start;
    let position: Position | undefined;
    // Follow origins through new structs until one whose position is known or can be read.
    while (struct && position === undefined) {
      position = resolved.get(struct);
      if (position) break;
      if (struct.type !== 'item') {
        position = { place: { kind: 'collected' }, parentSub: null };
        break;
      }
      chain.push(struct);
      if (struct.parent) {
        position = { place: placeOfParent(struct.parent, hops), parentSub: struct.parentSub };
        break;
      }
      const neighbour = (struct.origin ?? struct.rightOrigin) as StructId;
      const next = findNew(neighbour);
      if (next === null) {
        position = positionBeside(neighbour, hops);
        break;
      }
      struct = next;
    }
    const found = position ?? { place: { kind: 'collected' }, parentSub: null };
    for (const link of chain) resolved.set(link, found);
    return found;
  }

  return { of };
}
