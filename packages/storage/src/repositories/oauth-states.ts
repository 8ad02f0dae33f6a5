import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Whose authorization a state is: an integration's, or an integration template's. */
export type OAuthSubject = { kind: 'integration'; id: string } | { kind: 'template'; id: string };

export type OAuthStateRow = {
  state: string;
  userId: string;
  subject: OAuthSubject;
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
          integration_id: row.subject.kind === 'integration' ? row.subject.id : null,
          template_id: row.subject.kind === 'template' ? row.subject.id : null,
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
      if (!r) return undefined;
      return {
        state: r.state,
        userId: r.user_id,
        subject: r.template_id
          ? { kind: 'template', id: r.template_id }
          : { kind: 'integration', id: r.integration_id ?? '' },
        sealedVerifier: r.sealed_verifier,
        redirectUri: r.redirect_uri,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      };
    },

    async purgeExpired(now: string): Promise<void> {
      await db.deleteFrom('oauth_states').where('expires_at', '<', now).execute();
    },
  };
}
