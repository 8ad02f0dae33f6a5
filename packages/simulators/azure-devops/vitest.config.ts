import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'simulators-azure-devops', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
