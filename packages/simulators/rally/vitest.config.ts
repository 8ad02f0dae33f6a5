import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'simulators-rally', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
