import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentVersion } from './document-version.ts';

describe('documentVersion', () => {
  it('is 8 hex characters that change with every edit', () => {
    const doc = new Y.Doc();
    const before = documentVersion(doc);
    doc.getText('t').insert(0, 'a');
    const after = documentVersion(doc);
    expect(before).toMatch(/^[0-9a-f]{8}$/);
    expect(after).toMatch(/^[0-9a-f]{8}$/);
    expect(after).not.toBe(before);
  });

  it('is the same on every copy holding the same edits', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(documentVersion(copy)).toBe(documentVersion(doc));
  });
});
