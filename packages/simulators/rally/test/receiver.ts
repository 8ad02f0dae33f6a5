import { startReceiver as startKitReceiver } from '@tandem/sim-kit/testing';

export type { Received } from '@tandem/sim-kit/testing';

/** A receiver at a path shaped like Tandem's Rally webhook endpoint. */
export const startReceiver = (respond?: (n: number) => number) =>
  startKitReceiver({ path: '/hooks/rally/8c1e5f0d2b7a4e39', ...(respond ? { respond } : {}) });
