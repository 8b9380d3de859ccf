import type { VersionRecord } from '@plume/storage';
import { KEEP_ALL_FOR_MS, KEEP_HOURLY_FOR_MS, MAX_AUTO_VERSION_BYTES, MAX_AUTO_VERSIONS } from './version-bounds.ts';

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

/** What thinning needs to know of a version. */
export type ThinnableVersion = Pick<VersionRecord, 'id' | 'createdAt' | 'kind' | 'bytes'>;

/**
 * The ids of the versions to drop at `now`: named, validated and restored versions are always
 * kept; automatic ones are all kept for a day, then one per clock hour for a week, then one per
 * day (the newest of each hour or day), and at most `MAX_AUTO_VERSIONS` of them taking at most
 * `MAX_AUTO_VERSION_BYTES`, the oldest dropped first. Pure; the order of `versions` does not matter.
 */
export function thinVersions(versions: readonly ThinnableVersion[], now: Date): string[] {
  const autos = versions
    .filter((version) => version.kind === 'auto')
    .map((version) => ({ version, at: Date.parse(version.createdAt) }))
    .sort((a, b) => b.at - a.at || b.version.id.localeCompare(a.version.id));
  const drop = new Set<string>();
  const seenBuckets = new Set<string>();
  for (const { version, at } of autos) {
    const age = now.getTime() - at;
    if (age <= KEEP_ALL_FOR_MS) continue;
    // Buckets are fixed clock hours and UTC days, not ages: thinning again later keeps the same versions.
    const bucket = age <= KEEP_HOURLY_FOR_MS ? `h${Math.floor(at / HOUR_MS)}` : `d${Math.floor(at / DAY_MS)}`;
    if (seenBuckets.has(bucket)) drop.add(version.id);
    else seenBuckets.add(bucket);
  }
  const kept = autos.filter(({ version }) => !drop.has(version.id));
  let bytes = kept.reduce((sum, { version }) => sum + version.bytes, 0);
  // Newest first, so popping drops the oldest.
  while (kept.length > MAX_AUTO_VERSIONS || (bytes > MAX_AUTO_VERSION_BYTES && kept.length > 0)) {
    const oldest = kept.pop();
    if (!oldest) break;
    drop.add(oldest.version.id);
    bytes -= oldest.version.bytes;
  }
  return [...drop];
}
