import { type Connector, RemoteError } from '@tandem/connector-kit';
import {
  type DatabaseHandle,
  type IntegrationRow,
  integrationLogRepository,
} from '@tandem/storage';

/**
 * Marks an enabled integration as needing re-authorization (once, however many requests fail at
 * the same moment) and says why in its log.
 */
export async function markNeedsReauthorization(
  database: DatabaseHandle,
  row: IntegrationRow,
  reason: string,
  now: Date,
): Promise<void> {
  const result = await database.db
    .updateTable('integrations')
    .set((eb) => ({
      state: 'needs_reauthorization',
      last_error: reason,
      updated_at: now.toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', row.id)
    // A draft shows the wizard's authorize step anyway; a disabled one stays disabled.
    .where('state', 'in', ['enabled', 'failing'])
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return;
  await integrationLogRepository(database.db)
    .append(
      {
        integrationId: row.id,
        workspaceId: row.workspaceId,
        level: 'error',
        event: 'auth',
        message: `${reason} — ${row.name} needs to be re-authorized; nothing is sent or received until then`,
      },
      now.toISOString(),
    )
    .catch(() => {});
}

/** The connector calls that talk to the remote (the others are pure and synchronous). */
const REMOTE_CALLS = new Set<string>([
  'checkConnection',
  'listWorkspaces',
  'listProjects',
  'listRecordTypes',
  'listFields',
  'listStates',
  'createRecord',
  'readRecord',
  'updateRecord',
  'deleteRecord',
  'findByIdempotencyToken',
  'linkChild',
  'uploadAttachment',
  'registerWebhook',
  'unregisterWebhook',
  'changesSince',
]);

/** The connector, with any refusal of the credentials (`auth`) marking the integration. */
export function guardAuth(
  connector: Connector<unknown>,
  onAuthFailure: (error: RemoteError) => Promise<void>,
): Connector<unknown> {
  return new Proxy(connector, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || !REMOTE_CALLS.has(String(property))) return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (RemoteError.is(error) && error.kind === 'auth') await onAuthFailure(error);
          throw error;
        }
      };
    },
  });
}
