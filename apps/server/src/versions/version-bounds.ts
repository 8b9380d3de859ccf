/** Editing pauses longer than this end a burst, which is then frozen as an automatic version: 2 minutes, in ms. */
export const BURST_IDLE_MS = 2 * 60_000;

/** Continuous editing is frozen at least this often, even without a pause: 30 minutes, in ms. */
export const BURST_MAX_MS = 30 * 60_000;

/** Automatic versions younger than this are all kept: 24 hours, in ms. */
export const KEEP_ALL_FOR_MS = 24 * 60 * 60_000;

/** Automatic versions younger than this (and older than a day) are kept one per clock hour: 7 days, in ms. */
export const KEEP_HOURLY_FOR_MS = 7 * 24 * 60 * 60_000;

/** Most automatic versions one note keeps; the oldest go first beyond it. */
export const MAX_AUTO_VERSIONS = 200;

/**
 * Most bytes of storage one note's automatic versions take (20 MB); the oldest go first beyond it.
 * Named, validated and restored versions are never dropped, so they count outside this bound.
 */
export const MAX_AUTO_VERSION_BYTES = 20 * 1024 * 1024;
