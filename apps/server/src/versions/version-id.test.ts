import { isVersionId } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { createVersionIds } from './version-id.ts';

describe('createVersionIds', () => {
  it('gives well-formed ids that sort in the order they were made, within one millisecond too', () => {
    const createVersionId = createVersionIds();
    const at = new Date('2026-03-12T10:00:00.000Z');
    const ids = [
      createVersionId(at),
      createVersionId(at),
      createVersionId(at),
      createVersionId(new Date(at.getTime() + 1)),
    ];
    for (const id of ids) expect(isVersionId(id)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
