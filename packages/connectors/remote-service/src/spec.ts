/**
 * The integration config of a remote service. Two shapes are accepted: the full one (tests, a
 * host that knows the service's endpoint), and the one the sync runner builds for every connector
 * (`accountUrl` = the service's base address, `workspaceId` = the service's name, as chosen from
 * its `/configuration`); events then go to `<accountUrl>/services/<name>`.
 */
import { z } from 'zod';

const fullConfigSchema = z.object({
  /** Where events are POSTed. */
  endpointUrl: z.url({ protocol: /^https?$/ }),
  /** Where `GET /configuration` lists the services (default: the endpoint's origin). */
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** The service's name: `service_name` of the integration fields it stores. */
  service: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Tandem's id of the integration, sent in every event (default: one derived from the secret). */
  integrationId: z.string().min(1).optional(),
  /** What the user entered in the service's config form (its JSON Schema). */
  data: z.record(z.string(), z.unknown()).default({}),
  /** The workflow states the service understands, offered in the status mapping. */
  states: z.array(z.string().min(1)).min(1).default(['To do', 'In progress', 'Done']),
  /** How long a service may take to answer one event. */
  timeoutMs: z.number().int().min(100).max(120_000).default(30_000),
});

/** The runner's shape, mapped onto the full one. */
function fromRunnerShape(input: unknown): unknown {
  const value = input as { endpointUrl?: unknown; accountUrl?: unknown; workspaceId?: unknown };
  if (typeof value !== 'object' || value === null || value.endpointUrl !== undefined) return input;
  if (typeof value.accountUrl !== 'string' || typeof value.workspaceId !== 'string') return input;
  const base = value.accountUrl.replace(/\/+$/, '');
  return {
    endpointUrl: `${base}/services/${value.workspaceId}`,
    baseUrl: base,
    service: value.workspaceId,
  };
}

export const remoteServiceConfigSchema = z.preprocess(fromRunnerShape, fullConfigSchema);
export type RemoteServiceConfig = z.infer<typeof fullConfigSchema>;
