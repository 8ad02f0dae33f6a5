import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from '../schema.ts';

export type SessionRow = { id: string; userId: string; csrfToken: string; expiresAt: string };

const toSession = (r: SessionsTable): SessionRow => ({
  id: r.id,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  expiresAt: r.expires_at,
});

/** Sessions are keyed by a hash of the cookie token; the token itself is never stored. */
export function sessionsRepository(db: Kysely<Database>) {
  return {
    async create(
      input: { id: string; userId: string; csrfToken: string; expiresAt: string },
      now = new Date().toISOString(),
    ): Promise<SessionRow> {
      const row: SessionsTable = {
        id: input.id,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        created_at: now,
        expires_at: input.expiresAt,
      };
      await db.insertInto('sessions').values(row).execute();
      return toSession(row);
    },

    async findValid(id: string, now = new Date().toISOString()): Promise<SessionRow | undefined> {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row && toSession(row);
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async deleteExpired(now = new Date().toISOString()): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
