import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coversStateVector, readStoredAnswer, STORED_QUESTION } from './stored-answer.ts';

/** A document holding one change from each of `authors` fresh clients. */
function docWithAuthors(authors: number): Y.Doc {
  const doc = new Y.Doc();
  for (let index = 0; index < authors; index++) {
    const author = new Y.Doc();
    author.getText('t').insert(0, `author ${index}`);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author));
  }
  return doc;
}

describe('the stored question and answer', () => {
  it('asks with the bare message type', () => {
    expect([...STORED_QUESTION]).toEqual([5]);
  });

  it('reads a state vector behind a one-byte length', () => {
    const vector = Y.encodeStateVector(docWithAuthors(2));
    expect(vector.length).toBeLessThan(128);
    const answer = readStoredAnswer(Uint8Array.of(vector.length, ...vector));
    expect(answer).toEqual(Y.decodeStateVector(vector));
  });

  it('reads a state vector behind a two-byte length', () => {
    const vector = Y.encodeStateVector(docWithAuthors(40));
    expect(vector.length).toBeGreaterThanOrEqual(128);
    // LEB128: the low seven bits with the "more" bit set, then the rest.
    const length = [(vector.length & 0x7f) | 0x80, vector.length >> 7];
    expect(readStoredAnswer(Uint8Array.of(...length, ...vector)).size).toBe(40);
  });

  it('refuses an answer whose length does not match its bytes', () => {
    expect(() => readStoredAnswer(Uint8Array.of(4, 1, 1, 3))).toThrow(RangeError);
    expect(() => readStoredAnswer(Uint8Array.of(0x80))).toThrow(RangeError);
    expect(() => readStoredAnswer(new Uint8Array())).toThrow(RangeError);
  });
});

describe('coversStateVector', () => {
  it('needs every client of the local vector at its clock or beyond', () => {
    const local = new Map([
      [1, 5],
      [2, 3],
    ]);
    expect(coversStateVector(new Map([[1, 5]]), local)).toBe(false);
    expect(
      coversStateVector(
        new Map([
          [1, 4],
          [2, 9],
        ]),
        local,
      ),
    ).toBe(false);
    expect(
      coversStateVector(
        new Map([
          [1, 5],
          [2, 3],
          [7, 1],
        ]),
        local,
      ),
    ).toBe(true);
    expect(coversStateVector(new Map(), new Map())).toBe(true);
  });
});
