import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A run of Yjs struct ids of one client: clocks `clock` to `clock + length - 1`. */
export type ClockRange = { readonly client: number; readonly clock: number; readonly length: number };

/**
 * The struct ids one person deleted: per client, sorted ranges that neither overlap nor touch,
 * so that deleting letter by letter stays one range.
 */
export type DeletedRanges = {
  add(range: ClockRange): void;
  has(client: number, clock: number): boolean;
  /** Bytes for the store: varuints client count, then per client its id, range count and ranges. */
  encode(): Uint8Array;
};

type Span = [start: number, end: number];

/** An empty set of deleted ranges, or the one `encoded` holds. */
export function createDeletedRanges(encoded?: Uint8Array): DeletedRanges {
  const byClient = new Map<number, Span[]>();
  if (encoded) {
    const decoder = decoding.createDecoder(encoded);
    for (let clients = decoding.readVarUint(decoder); clients > 0; clients -= 1) {
      const client = decoding.readVarUint(decoder);
      const spans: Span[] = [];
      let end = 0;
      for (let count = decoding.readVarUint(decoder); count > 0; count -= 1) {
        // Each range is stored as its gap from the previous one and its length: small numbers.
        const start = end + decoding.readVarUint(decoder);
        end = start + decoding.readVarUint(decoder);
        spans.push([start, end]);
      }
      byClient.set(client, spans);
    }
  }

  return {
    add({ client, clock, length }) {
      if (length <= 0) return;
      const spans = byClient.get(client) ?? [];
      byClient.set(client, spans);
      let start = clock;
      let end = clock + length;
      // Every span from the first one ending at or after `start` that begins by `end` touches.
      const first = firstEndingAtOrAfter(spans, start);
      let last = first;
      while (last < spans.length && (spans[last] as Span)[0] <= end) {
        const [spanStart, spanEnd] = spans[last] as Span;
        start = Math.min(start, spanStart);
        end = Math.max(end, spanEnd);
        last += 1;
      }
      spans.splice(first, last - first, [start, end]);
    },
    has(client, clock) {
      const spans = byClient.get(client);
      if (!spans) return false;
      const span = spans[firstEndingAtOrAfter(spans, clock + 1)];
      return span !== undefined && span[0] <= clock;
    },
    encode() {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, byClient.size);
      for (const [client, spans] of byClient) {
        encoding.writeVarUint(encoder, client);
        encoding.writeVarUint(encoder, spans.length);
        let end = 0;
        for (const [start, spanEnd] of spans) {
          encoding.writeVarUint(encoder, start - end);
          encoding.writeVarUint(encoder, spanEnd - start);
          end = spanEnd;
        }
      }
      return encoding.toUint8Array(encoder);
    },
  };
}

// Binary search: index of the first span whose (exclusive) end is at or after `position`.
function firstEndingAtOrAfter(spans: Span[], position: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans[middle] as Span)[1] < position) low = middle + 1;
    else high = middle;
  }
  return low;
}
