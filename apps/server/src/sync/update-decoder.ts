import * as decoding from 'lib0/decoding';
import { RejectedMessageError } from './rejected-message-error.ts';

/** Largest client id Yjs generates: a random unsigned 32-bit integer. */
const MAX_CLIENT_ID = 0xffff_ffff;

/** Deepest nesting of arrays and objects inside one attribute or format value. */
const MAX_VALUE_DEPTH = 16;

/** A position in a Yjs document: the author's client id and a clock counting that author's changes. */
export type StructId = { readonly client: number; readonly clock: number };

/** Where an item sits when its update names its parent: a root type by name, or an item by id. */
export type ParentRef = { readonly root: string } | { readonly item: StructId };

/** What an item holds, reduced to what the server checks. */
export type ItemContent =
  | { readonly kind: 'deleted' }
  | { readonly kind: 'string' }
  | { readonly kind: 'format'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'element'; readonly nodeName: string }
  | { readonly kind: 'xmlText' }
  | { readonly kind: 'any'; readonly values: readonly unknown[] }
  | { readonly kind: 'unsupported'; readonly what: string };

/** One struct of an update: a run of `length` clocks starting at `clock`. */
export type DecodedStruct =
  | { readonly type: 'gc'; readonly clock: number; readonly length: number }
  | { readonly type: 'skip'; readonly clock: number; readonly length: number }
  | {
      readonly type: 'item';
      readonly clock: number;
      readonly length: number;
      readonly origin: StructId | null;
      readonly rightOrigin: StructId | null;
      /** Set only when the item has neither origin; otherwise it shares its neighbour's parent. */
      readonly parent: ParentRef | null;
      readonly parentSub: string | null;
      readonly content: ItemContent;
    };

/** The structs one author contributes to an update, in clock order without holes between them. */
export type ClientStructs = { readonly client: number; readonly structs: readonly DecodedStruct[] };

/** A deleted range of one author's clocks. */
export type DeletedRange = { readonly client: number; readonly clock: number; readonly length: number };

/** A Yjs update (format v1), decoded completely. */
export type DecodedUpdate = { readonly clients: readonly ClientStructs[]; readonly deletes: readonly DeletedRange[] };

function malformed(why: string): RejectedMessageError {
  return new RejectedMessageError('malformedMessage', why);
}

/**
 * Decodes a Yjs v1 update to its last byte, refusing anything Yjs itself could only apply
 * halfway (truncation, trailing bytes, unknown struct or type kinds, empty structs, ids and clocks
 * beyond safe integers, authors listed twice) as a RejectedMessageError. `maxClients` bounds the
 * distinct authors, so a hostile update cannot make the server allocate per fake author.
 */
export function decodeUpdate(update: Uint8Array, limits: { maxClients: number }): DecodedUpdate {
  const reader = createReader(update);
  const clientCount = reader.count('author count');
  if (clientCount > limits.maxClients)
    throw new RejectedMessageError('tooManyClientIds', `update names ${clientCount} authors`);
  const clients: ClientStructs[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < clientCount; i++) {
    const structCount = reader.count('struct count');
    const client = reader.clientId();
    if (seen.has(client)) throw malformed(`author ${client} is listed twice`);
    seen.add(client);
    let clock = reader.clock('first clock');
    const structs: DecodedStruct[] = [];
    for (let j = 0; j < structCount; j++) {
      const struct = readStruct(reader, clock);
      structs.push(struct);
      clock = reader.advance(clock, struct.length);
    }
    clients.push({ client, structs });
  }
  const deletes = readDeleteSet(reader);
  reader.end();
  return { clients, deletes };
}

function readStruct(reader: Reader, clock: number): DecodedStruct {
  const info = reader.byte('struct info');
  const contentRef = info & 0b1_1111;
  if (contentRef === 0) return { type: 'gc', clock, length: reader.length('gc length') };
  if (contentRef === 10) return { type: 'skip', clock, length: reader.length('skip length') };
  const origin = info & 0b1000_0000 ? reader.id('origin') : null;
  const rightOrigin = info & 0b0100_0000 ? reader.id('right origin') : null;
  const hasNeighbour = (info & 0b1100_0000) !== 0;
  let parent: ParentRef | null = null;
  let parentSub: string | null = null;
  if (!hasNeighbour) {
    parent = reader.uint('parent kind') === 1 ? { root: reader.string('root name') } : { item: reader.id('parent') };
    if (info & 0b0010_0000) parentSub = reader.string('parent key');
  }
  const { content, length } = readContent(reader, contentRef);
  if (length === 0) throw malformed('empty struct');
  return { type: 'item', clock, length, origin, rightOrigin, parent, parentSub, content };
}

// Yjs's content kinds, numbered as in its `contentRefs`.
function readContent(reader: Reader, ref: number): { content: ItemContent; length: number } {
  switch (ref) {
    case 1:
      return { content: { kind: 'deleted' }, length: reader.length('deleted length') };
    case 2: {
      const count = reader.count('json count');
      // Yjs parses these while decoding, before applying anything: they must parse here too.
      for (let i = 0; i < count; i++) {
        const value = reader.string('json value');
        if (value !== 'undefined') reader.parseJson(value, 'json value');
      }
      return { content: { kind: 'unsupported', what: 'JSON content' }, length: count };
    }
    case 3:
      reader.bytes('binary content');
      return { content: { kind: 'unsupported', what: 'binary content' }, length: 1 };
    case 4:
      // Yjs counts a string's clocks in UTF-16 code units.
      return { content: { kind: 'string' }, length: reader.string('text').length };
    case 5:
      reader.json('embed');
      return { content: { kind: 'unsupported', what: 'embedded content' }, length: 1 };
    case 6: {
      const key = reader.string('format key');
      const value = reader.json('format value');
      return { content: { kind: 'format', key, value }, length: 1 };
    }
    case 7:
      return { content: readType(reader), length: 1 };
    case 8: {
      const count = reader.count('value count');
      const values: unknown[] = [];
      for (let i = 0; i < count; i++) values.push(reader.any(0));
      return { content: { kind: 'any', values }, length: count };
    }
    case 9:
      reader.string('subdocument guid');
      reader.any(0);
      return { content: { kind: 'unsupported', what: 'a subdocument' }, length: 1 };
    default:
      throw malformed(`unknown content kind ${ref}`);
  }
}

// Yjs's shared type kinds, numbered as in its `typeRefs`.
function readType(reader: Reader): ItemContent {
  const typeRef = reader.uint('type kind');
  switch (typeRef) {
    case 3:
      return { kind: 'element', nodeName: reader.string('element name') };
    case 5:
      reader.string('hook name');
      return { kind: 'unsupported', what: 'an XML hook' };
    case 6:
      return { kind: 'xmlText' };
    case 0:
    case 1:
    case 2:
    case 4:
      return { kind: 'unsupported', what: `shared type kind ${typeRef}` };
    default:
      throw malformed(`unknown shared type kind ${typeRef}`);
  }
}

// Not bounded by author count: a client's reply to the server's state vector carries its whole
// delete set, which names every author who ever deleted something in the note.
function readDeleteSet(reader: Reader): DeletedRange[] {
  const clientCount = reader.count('delete set author count');
  const ranges: DeletedRange[] = [];
  for (let i = 0; i < clientCount; i++) {
    const client = reader.clientId();
    const rangeCount = reader.count('deleted range count');
    for (let j = 0; j < rangeCount; j++) {
      const clock = reader.clock('deleted clock');
      const length = reader.length('deleted length');
      reader.advance(clock, length);
      ranges.push({ client, clock, length });
    }
  }
  return ranges;
}

type Reader = ReturnType<typeof createReader>;

// Bounds-checked reads: lib0 returns undefined past the end for single bytes, and its array and
// float reads can see past a message into whatever shares its buffer.
function createReader(bytes: Uint8Array) {
  const decoder = decoding.createDecoder(bytes);
  const remaining = () => bytes.length - decoder.pos;

  function uint(what: string): number {
    if (remaining() <= 0) throw malformed(`truncated update: no ${what}`);
    try {
      const value = decoding.readVarUint(decoder);
      if (!Number.isSafeInteger(value)) throw malformed(`${what} is beyond safe integers`);
      return value;
    } catch (error) {
      if (error instanceof RejectedMessageError) throw error;
      throw malformed(`truncated or oversized ${what}`);
    }
  }

  function take(length: number, what: string): Uint8Array {
    if (length > remaining()) throw malformed(`truncated update: ${what} runs past the end`);
    const view = bytes.subarray(decoder.pos, decoder.pos + length);
    decoder.pos += length;
    return view;
  }

  /** A count of things that follow, each at least one byte long: larger counts are truncations. */
  function count(what: string): number {
    const value = uint(what);
    if (value > remaining()) throw malformed(`truncated update: ${what} ${value} exceeds the bytes left`);
    return value;
  }

  // Yjs reads strings the same way, so both count the same UTF-16 length.
  const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  function string(what: string): string {
    const raw = take(uint(`${what} length`), what);
    try {
      return textDecoder.decode(raw);
    } catch (error) {
      if (error instanceof TypeError) throw malformed(`${what} is not UTF-8`);
      throw error;
    }
  }

  function any(depth: number): unknown {
    if (depth > MAX_VALUE_DEPTH) throw malformed('value nested too deeply');
    const tag = take(1, 'value tag')[0] as number;
    switch (tag) {
      case 127:
        return undefined;
      case 126:
        return null;
      case 125: {
        if (remaining() <= 0) throw malformed('truncated update: no integer');
        try {
          const value = decoding.readVarInt(decoder);
          if (!Number.isSafeInteger(value)) throw malformed('integer beyond safe integers');
          return value;
        } catch (error) {
          if (error instanceof RejectedMessageError) throw error;
          throw malformed('truncated integer');
        }
      }
      case 124:
        return new DataView(take(4, 'float').slice().buffer).getFloat32(0);
      case 123:
        return new DataView(take(8, 'float').slice().buffer).getFloat64(0);
      case 122:
        return new DataView(take(8, 'big integer').slice().buffer).getBigInt64(0);
      case 121:
        return false;
      case 120:
        return true;
      case 119:
        return string('string value');
      case 118: {
        const size = count('object size');
        const object: Record<string, unknown> = Object.create(null);
        for (let i = 0; i < size; i++) {
          const key = string('object key');
          object[key] = any(depth + 1);
        }
        return object;
      }
      case 117: {
        const size = count('array size');
        const array: unknown[] = [];
        for (let i = 0; i < size; i++) array.push(any(depth + 1));
        return array;
      }
      case 116:
        return take(uint('bytes length'), 'bytes value').slice();
      default:
        throw malformed(`unknown value tag ${tag}`);
    }
  }

  return {
    uint,
    string,
    any,
    count,
    clientId(): number {
      const client = uint('client id');
      if (client > MAX_CLIENT_ID) throw malformed(`client id ${client} is not a 32-bit id`);
      return client;
    },
    clock: (what: string) => uint(what),
    length(what: string): number {
      const value = uint(what);
      if (value === 0) throw malformed(`${what} is zero`);
      return value;
    },
    id(what: string): StructId {
      const client = uint(`${what} client`);
      if (client > MAX_CLIENT_ID) throw malformed(`${what} client ${client} is not a 32-bit id`);
      return { client, clock: uint(`${what} clock`) };
    },
    byte: (what: string) => take(1, what)[0] as number,
    bytes: (what: string) => take(uint(`${what} length`), what),
    json(what: string): unknown {
      return this.parseJson(string(what), what);
    },
    parseJson(text: string, what: string): unknown {
      try {
        return JSON.parse(text);
      } catch (error) {
        if (error instanceof SyntaxError) throw malformed(`${what} is not JSON`);
        if (error instanceof RangeError) throw malformed(`${what} is nested too deeply`);
        throw error;
      }
    },
    advance(clock: number, length: number): number {
      const next = clock + length;
      if (!Number.isSafeInteger(next)) throw malformed('clock runs beyond safe integers');
      return next;
    },
    end(): void {
      if (remaining() !== 0) throw malformed(`${remaining()} bytes after the end of the update`);
    },
  };
}
