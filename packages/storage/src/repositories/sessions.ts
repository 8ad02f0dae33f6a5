import type { Kysely } from 'kysely';
import type { Database, SessionsTable } from '../schema.ts';

export type SessionRow = {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
  /** When it was last used: `last_seen_at`, or its creation before the first reuse. */
  lastSeenAt: string;
};

const toSession = (r: SessionsTable): SessionRow => ({
  id: r.id,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at ?? r.created_at,
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
        last_seen_at: now,
      };
      await db.insertInto('sessions').values(row).execute();
      return toSession(row);
    },

    /**
     * The session unless it has expired, or (when `idleSince` is given) has not been used since
     * then. Sessions from before `last_seen_at` existed count from their creation.
     */
    async findValid(
      id: string,
      now = new Date().toISOString(),
      idleSince?: string,
    ): Promise<SessionRow | undefined> {
      let query = db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now);
      if (idleSince) {
        query = query.where((eb) =>
          eb.or([
            eb('last_seen_at', '>', idleSince),
            eb.and([eb('last_seen_at', 'is', null), eb('created_at', '>', idleSince)]),
          ]),
        );
      }
      const row = await query.executeTakeFirst();
      return row && toSession(row);
    },

    /**
     * Records a use at `now` unless one was recorded after `staleBefore`; the condition is in the
     * statement, so concurrent requests write at most once per staleness period.
     */
    async touch(id: string, now: string, staleBefore: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', staleBefore)]),
        )
        .execute();
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
