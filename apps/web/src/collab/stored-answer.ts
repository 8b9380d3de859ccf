import { MESSAGE_TYPE } from '@plume/protocol';
import * as Y from 'yjs';

/** A state vector: for each client id, the clock just past the last change the holder has from it. */
export type StateVector = ReadonlyMap<number, number>;

/**
 * The question "is everything I sent you stored?": the bare message type. A varUint below 128 is
 * its own single byte.
 */
export const STORED_QUESTION: Uint8Array<ArrayBuffer> = Uint8Array.of(MESSAGE_TYPE.stored);

/**
 * Reads the server's answer after its message type: a length-prefixed state vector, as lib0's
 * `writeVarUint8Array` writes it. Throws a RangeError when the bytes are not that.
 */
export function readStoredAnswer(payload: Uint8Array): StateVector {
  // apps/web does not depend on lib0 directly, so the varUint length is read here.
  let length = 0;
  let position = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = payload[position];
    if (byte === undefined || shift > 28) throw new RangeError('stored answer: truncated length');
    position += 1;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (payload.length - position !== length) {
    throw new RangeError(`stored answer: ${length} bytes announced, ${payload.length - position} present`);
  }
  return Y.decodeStateVector(payload.subarray(position));
}

/** Whether `stored` holds every change `local` names: for each client, at least `local`'s clock. */
export function coversStateVector(stored: StateVector, local: StateVector): boolean {
  for (const [client, clock] of local) if ((stored.get(client) ?? 0) < clock) return false;
  return true;
}
