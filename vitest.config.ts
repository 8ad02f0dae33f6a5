import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One project per package: only folders with their own config (never a parent folder).
    projects: [
      'packages/*/vitest.config.ts',
      'packages/connectors/*/vitest.config.ts',
      'packages/simulators/*/vitest.config.ts',
      'apps/*/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
  },
});
