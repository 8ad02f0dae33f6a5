import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'sync-engine', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
