import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('./apps/web', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('.', import.meta.url));
/** Where `pnpm dev` finds the API and sync server; `pnpm start` serves everything from one port. */
const devServerTarget = `http://localhost:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: webRoot,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The editor page is one bundle by design; its budget (250 KB gzipped) is tracked in bench/.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': devServerTarget,
      '/healthz': devServerTarget,
      '/collab': { target: devServerTarget.replace('http', 'ws'), ws: true },
    },
  },
  test: {
    root: repositoryRoot,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    // Polls end as soon as what they wait for is true; the timeout only bounds a failure, and two
    // shared cores running servers and browsers side by side can take seconds to get there.
    expect: { poll: { timeout: 5_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: repositoryRoot,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'tests/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: repositoryRoot,
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/build-web.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
