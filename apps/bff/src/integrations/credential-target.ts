import type { WhoAmI } from '@tandem/connector-kit';
import type { IntegrationSystem } from '@tandem/contracts';
import {
  type IntegrationRow,
  integrationLogRepository,
  integrationsRepository,
  type OAuthSubject,
} from '@tandem/storage';
import type { IntegrationSecrets, StoredGrant } from '@tandem/sync-engine/runner';
import {
  accountOrigin,
  type EffectiveIntegration,
  loadEffective,
  openIntegrationSecrets,
  sameAccount,
} from '@tandem/sync-engine/runner';
import type { AppDeps } from '../app-env.ts';
import { AppError } from '../lib/errors.ts';

type Deps = Required<AppDeps>;

/** One kind of credentials, as a connection check or the store receives them. */
export type Credentials = { apiKey: string } | { oauth: StoredGrant };

/**
 * What holds a connection's credentials: an integration, or a template that its integrations
 * inherit from. Authorizing (OAuth or an API key) works the same way for both.
 */
export interface CredentialTarget {
  /** Whose credentials these are; an OAuth state is bound to it. */
  subject: OAuthSubject;
  system: IntegrationSystem;
  /** The settings and secrets a connection uses (account URL, client certificate). */
  effective: EffectiveIntegration;
  /** Asks the remote who these credentials belong to; throws what the remote answered. */
  whoAmI(credentials: Credentials): Promise<WhoAmI>;
  /** Stores the credentials in place of any others, and resumes whatever waited for them. */
  save(credentials: Credentials, who: WhoAmI): Promise<void>;
  log(level: 'info' | 'warn', message: string): Promise<void>;
}

/** The secrets without any credentials (the client certificate stays). */
export function withoutCredentials(secrets: IntegrationSecrets): IntegrationSecrets {
  const {
    apiKey: _k,
    connectedAs: _c,
    remoteUserId: _r,
    connectedAt: _t,
    oauth: _o,
    ...rest
  } = secrets;
  return rest;
}

/** Credentials as stored, with who they belong to and since when. */
export function stamped(credentials: Credentials, who: WhoAmI, now: Date): IntegrationSecrets {
  const connectedAt = now.toISOString();
  return 'apiKey' in credentials
    ? {
        apiKey: credentials.apiKey,
        connectedAs: who.displayName,
        remoteUserId: who.userId,
        connectedAt,
      }
    : {
        oauth: {
          ...credentials.oauth,
          connectedAs: who.displayName,
          remoteUserId: who.userId,
          connectedAt,
        },
      };
}

/** Refuses to store credentials for no account URL: they would be bound to nothing. */
export function boundAccount(effective: EffectiveIntegration): string {
  const account = accountOrigin(effective.settings.accountUrl);
  if (!account) {
    throw AppError.validation([
      { path: 'settings.accountUrl', message: 'Enter the account URL first' },
    ]);
  }
  return account;
}

export async function integrationTarget(
  deps: Deps,
  row: IntegrationRow,
): Promise<CredentialTarget> {
  const effective = await loadEffective(deps.database.db, deps.secrets, row);
  const account = accountOrigin(effective.settings.accountUrl);
  // What else it keeps (its client certificate) only when stored for this very account.
  const rest =
    account && sameAccount(row.credentialsAccountUrl, account)
      ? withoutCredentials(openIntegrationSecrets(deps.secrets, row))
      : {};
  const seal = (secrets: IntegrationSecrets) => deps.secrets.seal(secrets, row.id);
  return {
    subject: { kind: 'integration', id: row.id },
    system: row.system,
    effective,
    async whoAmI(credentials) {
      const probe: IntegrationRow = {
        ...row,
        sealedSecrets: seal({ ...rest, ...credentials }),
        credentialsAccountUrl: boundAccount(effective),
      };
      const { connector, context } = await deps.sync.gateway.connect(probe);
      return connector.checkConnection(context);
    },
    async save(credentials, who) {
      await integrationsRepository(deps.database.db).update(row.id, {
        sealedSecrets: seal({ ...rest, ...stamped(credentials, who, deps.now()) }),
        credentialsAccountUrl: boundAccount(effective),
        ...(row.state === 'needs_reauthorization'
          ? { state: 'enabled' as const, lastError: null }
          : {}),
      });
    },
    async log(level, message) {
      await integrationLogRepository(deps.database.db)
        .append(
          { integrationId: row.id, workspaceId: row.workspaceId, level, event: 'oauth', message },
          deps.now().toISOString(),
        )
        .catch(() => {});
    },
  };
}
