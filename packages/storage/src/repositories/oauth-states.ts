import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type OAuthStateRow = {
  state: string;
  userId: string;
  integrationId: string;
  sealedVerifier: string;
  redirectUri: string;
  createdAt: string;
  expiresAt: string;
};

/** OAuth authorizations in flight; each `state` is taken (read and deleted) exactly once. */
export function oauthStatesRepository(db: Kysely<Database>) {
  return {
    async create(row: OAuthStateRow): Promise<void> {
      await db
        .insertInto('oauth_states')
        .values({
          state: row.state,
          user_id: row.userId,
          integration_id: row.integrationId,
          sealed_verifier: row.sealedVerifier,
          redirect_uri: row.redirectUri,
          created_at: row.createdAt,
          expires_at: row.expiresAt,
        })
        .execute();
    },

    /** Removes and returns the state; a second call with the same state finds nothing. */
    async take(state: string): Promise<OAuthStateRow | undefined> {
      const r = await db
        .deleteFrom('oauth_states')
        .where('state', '=', state)
        .returningAll()
        .executeTakeFirst();
      return (
        r && {
          state: r.state,
          userId: r.user_id,
          integrationId: r.integration_id,
          sealedVerifier: r.sealed_verifier,
          redirectUri: r.redirect_uri,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      );
    },

    async purgeExpired(now: string): Promise<void> {
      await db.deleteFrom('oauth_states').where('expires_at', '<', now).execute();
    },
  };
}
