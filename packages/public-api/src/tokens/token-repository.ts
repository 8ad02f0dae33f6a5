/** Issue, list, find and revoke API tokens (table `api_tokens`, migration 0018). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiToken, TokenKind, TokenScope } from '../schemas.ts';
import { displayPrefix, hashToken, newTokenSecret } from './token-secret.ts';

interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  kind: string;
  scope: string;
  integration_id: string | null;
  token_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: string | Date;
  last_used_at: string | Date | null;
  revoked_at: string | Date | null;
}
export type TokensDb = Kysely<{ api_tokens: ApiTokensTable }>;

const iso = (value: string | Date | null) => (value == null ? null : new Date(value).toISOString());

function toToken(row: ApiTokensTable): ApiToken {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    kind: row.kind as TokenKind,
    scope: row.scope as TokenScope,
    integrationId: row.integration_id,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: iso(row.created_at) ?? '',
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

export interface IssueTokenInput {
  workspaceId: string;
  name: string;
  kind: TokenKind;
  scope: TokenScope;
  integrationId?: string | null;
  createdBy: string | null;
  now: Date;
}

export function tokenRepository(db: TokensDb) {
  return {
    /** The secret is in the answer once and never again. */
    async issue(input: IssueTokenInput): Promise<{ token: ApiToken; secret: string }> {
      const secret = newTokenSecret();
      const row: ApiTokensTable = {
        id: randomUUID(),
        workspace_id: input.workspaceId,
        name: input.name,
        kind: input.kind,
        scope: input.scope,
        integration_id: input.integrationId ?? null,
        token_hash: hashToken(secret),
        prefix: displayPrefix(secret),
        created_by: input.createdBy,
        created_at: input.now.toISOString(),
        last_used_at: null,
        revoked_at: null,
      };
      await db.insertInto('api_tokens').values(row).execute();
      return { token: toToken(row), secret };
    },
    async list(workspaceId: string): Promise<ApiToken[]> {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at')
        .execute();
      return rows.map(toToken);
    },
    /** The live token a secret stands for, or `undefined` (unknown or revoked). */
    async findActive(secret: string): Promise<ApiToken | undefined> {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', hashToken(secret))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? toToken(row) : undefined;
    },
    async touch(id: string, now: Date): Promise<void> {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
    },
    /** `false` when the workspace has no such live token. */
    async revoke(workspaceId: string, id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: now.toISOString() })
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
export type TokenRepository = ReturnType<typeof tokenRepository>;
