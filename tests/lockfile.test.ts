import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lockfile = readFileSync(new URL('../pnpm-lock.yaml', import.meta.url), 'utf8');

/** Every version of a package that the lockfile installs, from its `packages:` and `snapshots:` keys. */
function versionsOf(name: string): string[] {
  const escaped = name.replace(/[/.]/g, '\\$&');
  const key = new RegExp(`^ {2}'?${escaped}@([^:('\\s]+)`, 'gm');
  return [...new Set([...lockfile.matchAll(key)].map((match) => match[1] ?? ''))];
}

describe('the lockfile', () => {
  it('holds exactly one copy of yjs: two copies break sync silently', () => {
    expect(versionsOf('yjs')).toHaveLength(1);
  });

  it('holds one version of the Tiptap core, so extensions share one schema', () => {
    expect(versionsOf('@tiptap/core')).toHaveLength(1);
    expect(versionsOf('@tiptap/pm')).toHaveLength(1);
  });

  it('finds packages that are there, so the checks above can fail', () => {
    expect(versionsOf('y-protocols')).toEqual(['1.0.7']);
  });
});
