/** The integration config of a remote service: where it listens and what the user entered. */
import { z } from 'zod';

export const remoteServiceConfigSchema = z.object({
  /** Where events are POSTed (the service, or the development proxy's path for it). */
  endpointUrl: z.url({ protocol: /^https?$/ }),
  /** The service's name: `service_name` of the integration fields it stores. */
  service: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Tandem's id of the integration, sent in every event. */
  integrationId: z.string().min(1),
  /** What the user entered in the service's config form (its JSON Schema). */
  data: z.record(z.string(), z.unknown()).default({}),
  /** The workflow states the service understands, offered in the status mapping. */
  states: z.array(z.string().min(1)).min(1).default(['To do', 'In progress', 'Done']),
  /** How long a service may take to answer one event. */
  timeoutMs: z.number().int().min(100).max(120_000).default(30_000),
});
export type RemoteServiceConfig = z.infer<typeof remoteServiceConfigSchema>;
