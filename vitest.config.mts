import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// On Node < 24 the SQLite engine would crash the test process without a word: say why instead.
const nodeCheck = createRequire(import.meta.url)('./scripts/check-node.cjs') as {
  isSupported(v: string): boolean;
  message(v: string): string;
};
if (!nodeCheck.isSupported(process.versions.node)) throw new Error(nodeCheck.message(process.versions.node));

export default defineConfig({
  test: {
    environment: 'node',
    projects: [
      {
        // Pure functions without files, processes or globals: one module cache for all of them halves the project's time.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', isolate: false },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});
