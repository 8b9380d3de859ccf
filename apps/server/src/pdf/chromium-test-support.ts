import { existsSync } from 'node:fs';

/** Chromium the PDF tests render with: CHROMIUM_PATH, else Debian's. */
export const TEST_CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the tests that render PDFs are skipped, or null when they run: they run wherever Chromium
 * is installed, and in CI always, where a missing Chromium must fail them rather than hide them.
 */
export const CHROMIUM_SKIP_REASON: string | null =
  existsSync(TEST_CHROMIUM_PATH) || process.env.CI === 'true'
    ? null
    : `no Chromium at ${TEST_CHROMIUM_PATH} (install chromium or set CHROMIUM_PATH; with CI=true this fails)`;
