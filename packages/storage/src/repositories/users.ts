import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, UsersTable } from '../schema.ts';

export type User = { id: string; email: string; name: string; createdAt: string };
export type UserWithSecret = User & { passwordHash: string };

const toUser = (r: UsersTable): UserWithSecret => ({
  id: r.id,
  email: r.email,
  name: r.name,
  createdAt: r.created_at,
  passwordHash: r.password_hash,
});

export function usersRepository(db: Kysely<Database>) {
  return {
    async create(
      input: { email: string; name: string; passwordHash: string },
      now = new Date().toISOString(),
    ): Promise<User> {
      const row: UsersTable = {
        id: randomUUID(),
        email: input.email.toLowerCase(),
        name: input.name,
        password_hash: input.passwordHash,
        created_at: now,
        updated_at: now,
      };
      await db.insertInto('users').values(row).execute();
      const { passwordHash: _secret, ...user } = toUser(row);
      return user;
    },

    async findByEmail(email: string): Promise<UserWithSecret | undefined> {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .executeTakeFirst();
      return row && toUser(row);
    },

    async findById(id: string): Promise<User | undefined> {
      const row = await db
        .selectFrom('users')
        .select(['id', 'email', 'name', 'created_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
    },
  };
}
