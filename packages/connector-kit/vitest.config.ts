import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'connector-kit', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
