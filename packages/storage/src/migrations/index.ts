import type { Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { type ColumnTypes, columnTypes, type Dialect } from '../column-types.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import * as identity from './0001-identity.ts';
import * as roadmap from './0002-roadmap.ts';
import * as jobs from './0003-jobs.ts';
import * as integrations from './0004-integrations.ts';
import * as recordSyncs from './0005-record-syncs.ts';
import * as recordEventParents from './0006-record-event-parents.ts';
import * as oauthStates from './0007-oauth-states.ts';
import * as syncLookupIndexes from './0008-sync-lookup-indexes.ts';
import * as oauthStatesForTemplates from './0009-oauth-states-for-templates.ts';
import * as outboxCursors from './0010-outbox-cursors.ts';
import * as integrationFieldIndexes from './0011-integration-field-indexes.ts';
import * as integrationPolledAt from './0012-integration-polled-at.ts';
import * as importCandidates from './0013-import-candidates.ts';
import * as rateLimits from './0014-rate-limits.ts';
import * as sealedWebhookSecrets from './0015-sealed-webhook-secrets.ts';
import * as credentialsBoundToUrl from './0016-credentials-bound-to-url.ts';
import * as webhookInbox from './0017-webhook-inbox.ts';
import * as apiTokens from './0018-api-tokens.ts';

/** What a data migration may need besides the database (given to `migrate`). */
export type MigrationContext = { secrets?: SecretBox };

type MigrationModule = {
  up: (db: Kysely<unknown>, t: ColumnTypes, context: MigrationContext) => Promise<void>;
  down?: (db: Kysely<unknown>, t: ColumnTypes) => Promise<void>;
};

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
const MIGRATIONS: Record<string, MigrationModule> = {
  '0001-identity': identity,
  '0002-roadmap': roadmap,
  '0003-jobs': jobs,
  '0004-integrations': integrations,
  '0005-record-syncs': recordSyncs,
  '0006-record-event-parents': recordEventParents,
  '0007-oauth-states': oauthStates,
  '0008-sync-lookup-indexes': syncLookupIndexes,
  '0009-oauth-states-for-templates': oauthStatesForTemplates,
  '0010-outbox-cursors': outboxCursors,
  '0011-integration-field-indexes': integrationFieldIndexes,
  '0012-integration-polled-at': integrationPolledAt,
  '0013-import-candidates': importCandidates,
  '0014-rate-limits': rateLimits,
  '0015-sealed-webhook-secrets': sealedWebhookSecrets,
  '0016-credentials-bound-to-url': credentialsBoundToUrl,
  '0017-webhook-inbox': webhookInbox,
  '0018-api-tokens': apiTokens,
};

export function migrationProvider(
  dialect: Dialect,
  context: () => MigrationContext = () => ({}),
): MigrationProvider {
  const t = columnTypes(dialect);
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) {
        out[name] = {
          up: (db) => m.up(db, t, context()),
          ...(m.down ? { down: (db: Kysely<unknown>) => m.down!(db, t) } : {}),
        };
      }
      return out;
    },
  };
}

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
