import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'connectors-remote-service', include: ['test/**/*.test.ts'] },
});
