import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'simulators-kit', include: ['test/**/*.test.ts'] },
});
