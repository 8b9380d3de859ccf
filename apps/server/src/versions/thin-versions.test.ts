import type { VersionKind } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { type ThinnableVersion, thinVersions } from './thin-versions.ts';
import { MAX_AUTO_VERSION_BYTES, MAX_AUTO_VERSIONS } from './version-bounds.ts';

const NOW = new Date('2026-03-30T12:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let counter = 0;
function version(ageMs: number, kind: VersionKind = 'auto', bytes = 1_000): ThinnableVersion {
  counter++;
  return {
    id: `v${String(counter).padStart(6, '0')}`,
    createdAt: new Date(NOW.getTime() - ageMs).toISOString(),
    kind,
    bytes,
  };
}

function kept(versions: ThinnableVersion[]): ThinnableVersion[] {
  const dropped = new Set(thinVersions(versions, NOW));
  return versions.filter((version) => !dropped.has(version.id));
}

describe('thinVersions', () => {
  it('keeps every automatic version of the last 24 hours', () => {
    const versions = Array.from({ length: 100 }, (_, i) => version(i * 10 * MINUTE));
    expect(thinVersions(versions, NOW)).toEqual([]);
  });

  it('keeps one automatic version per hour between a day and a week old, the newest of each hour', () => {
    const base = 2 * DAY + 30 * MINUTE - (NOW.getTime() % HOUR);
    const versions = [version(base), version(base + 5 * MINUTE), version(base + 10 * MINUTE), version(base + HOUR)];
    expect(kept(versions).map(({ id }) => id)).toEqual([versions[0]?.id, versions[3]?.id]);
  });

  it('keeps one automatic version per day beyond a week', () => {
    const versions = Array.from({ length: 48 }, (_, i) => version(10 * DAY + i * HOUR));
    const days = new Set(versions.map(({ createdAt }) => createdAt.slice(0, 10)));
    expect(kept(versions)).toHaveLength(days.size);
  });

  it('always keeps named, validated and restored versions, however old and many', () => {
    const special = (['named', 'validated', 'restored'] as const).flatMap((kind) =>
      Array.from({ length: 300 }, (_, i) => version(20 * DAY + i * MINUTE, kind, 1_000_000)),
    );
    const autos = Array.from({ length: 50 }, (_, i) => version(20 * DAY + i * MINUTE));
    const remaining = kept([...special, ...autos]);
    expect(remaining.filter(({ kind }) => kind !== 'auto')).toHaveLength(special.length);
    expect(remaining.filter(({ kind }) => kind === 'auto')).toHaveLength(1);
  });

  it('keeps at most the bounded number of automatic versions, dropping the oldest', () => {
    const versions = Array.from({ length: MAX_AUTO_VERSIONS + 50 }, (_, i) => version(i * MINUTE));
    const remaining = kept(versions);
    expect(remaining).toHaveLength(MAX_AUTO_VERSIONS);
    expect(remaining).toEqual(versions.slice(0, MAX_AUTO_VERSIONS));
  });

  it('keeps automatic versions within the byte bound, dropping the oldest', () => {
    const size = 1024 * 1024;
    const versions = Array.from({ length: 30 }, (_, i) => version(i * MINUTE, 'auto', size));
    const named = version(100 * MINUTE, 'named', 50 * size);
    const remaining = kept([...versions, named]);
    const autoBytes = remaining.filter(({ kind }) => kind === 'auto').reduce((sum, { bytes }) => sum + bytes, 0);
    expect(autoBytes).toBeLessThanOrEqual(MAX_AUTO_VERSION_BYTES);
    expect(remaining).toContain(named);
    expect(remaining).toContain(versions[0]);
    expect(remaining).not.toContain(versions[29]);
  });

  it('gives the same answer when run again on what it kept', () => {
    const versions = Array.from({ length: 400 }, (_, i) => version(i * 37 * MINUTE));
    const once = kept(versions);
    expect(thinVersions(once, NOW)).toEqual([]);
  });
});
