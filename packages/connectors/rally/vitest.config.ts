import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'connectors-rally', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
