import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'connectors-azure-devops', include: ['test/**/*.test.ts', 'src/**/*.test.ts'] },
});
