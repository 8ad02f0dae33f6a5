import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'roadmap', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
