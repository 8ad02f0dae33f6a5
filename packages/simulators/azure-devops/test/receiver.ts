import { startReceiver as startKitReceiver } from '@tandem/sim-kit/testing';

export type { Received } from '@tandem/sim-kit/testing';

/** A receiver for service-hook deliveries at a path shaped like Tandem's endpoint. */
export const startReceiver = (respond?: (n: number) => number) =>
  startKitReceiver({ path: '/hooks/azure-devops', ...(respond ? { respond } : {}) });
