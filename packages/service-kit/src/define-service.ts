/**
 * A service is a module: its name, the config fields users fill in (a zod schema, shown to them
 * as a JSON Schema form) and one typed handler per event it cares about. Handlers get the event,
 * the parsed `data` and a context to store integration fields, change `meta_data` and log.
 */
import { z } from 'zod';
import type {
  EventName,
  IncomingChange,
  LogLine,
  Resource,
  ServiceEventOf,
} from './protocol/index.ts';

export interface HandlerContext<Data> {
  /** The user's config, parsed by the service's schema. Read-only. */
  data: Data;
  /** What the service kept (a copy: change it with `setMetaData`). */
  metaData: Readonly<Record<string, unknown>>;
  integrationId: string;
  /** Stores integration fields on a record of the event (the aha-services API call). */
  createIntegrationFields(resource: Resource, id: string, fields: Record<string, string>): void;
  /** Kept by Tandem only when answering `installed`. `null` removes a key. */
  setMetaData(changes: Record<string, unknown>): void;
  log(level: LogLine['level'], message: string): void;
  /** For `webhook`: a change read from the remote, for Tandem's incoming path. */
  reportChange(change: IncomingChange): void;
  signal: AbortSignal;
}

export type Handler<Data, E extends EventName> = (
  event: ServiceEventOf<E>,
  ctx: HandlerContext<Data>,
) => Promise<void> | void;

export type Handlers<Data> = { [E in EventName]?: Handler<Data, E> };

export interface ServiceDefinition<Data> {
  /** `service_name` of the integration fields it stores: `[a-z][a-z0-9_]*`. */
  name: string;
  title: string;
  /** The config users enter (the integration's `data`). */
  config: z.ZodType<Data>;
  handlers: Handlers<Data>;
}

export interface Service<Data = unknown> extends ServiceDefinition<Data> {
  /** The config as JSON Schema (draft 2020-12), for the wizard's form and `/configuration`. */
  configJsonSchema(): Record<string, unknown>;
}

export function defineService<Data>(definition: ServiceDefinition<Data>): Service<Data> {
  if (!/^[a-z][a-z0-9_]*$/.test(definition.name)) {
    throw new Error(`A service name is lower case letters, digits and _: "${definition.name}"`);
  }
  return {
    ...definition,
    configJsonSchema: () => z.toJSONSchema(definition.config, { io: 'input' }),
  };
}

export interface ServiceErrorOptions {
  retryable: boolean;
  retryAfterSeconds?: number;
  fieldErrors?: { field: string | null; message: string }[];
}

/** Thrown by a handler to answer an error that says whether trying again can help. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly options: ServiceErrorOptions;
  constructor(message: string, options: ServiceErrorOptions) {
    super(message);
    this.options = options;
  }
}
