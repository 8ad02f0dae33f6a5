import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type RefusalCount = {
  integrationId: string;
  workspaceId: string;
  /** The minute the refusals fell in (ISO, seconds zeroed). */
  minute: string;
  count: number;
};

/**
 * Refused webhook deliveries, counted per integration and minute. Every process adds its own
 * count to the same row, and the minute's one integration-log row shows the total.
 */
export function webhookRefusalsRepository(db: Kysely<Database>) {
  return {
    /** Adds `count` refusals; returns the minute's total. One transaction per integration-minute. */
    async add(entry: RefusalCount, message: (total: number) => string): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const counted = await trx
          .insertInto('webhook_refusals')
          .values({
            integration_id: entry.integrationId,
            minute: entry.minute,
            count: entry.count,
            log_id: null,
          })
          .onConflict((oc) =>
            oc
              .columns(['integration_id', 'minute'])
              .doUpdateSet((eb) => ({ count: eb('webhook_refusals.count', '+', entry.count) })),
          )
          .returning(['count', 'log_id'])
          .executeTakeFirstOrThrow();
        const total = Number(counted.count);
        const data = JSON.stringify({ refused: total, minute: entry.minute });
        if (counted.log_id === null) {
          const log = await trx
            .insertInto('integration_log')
            .values({
              integration_id: entry.integrationId,
              workspace_id: entry.workspaceId,
              record_type: null,
              record_id: null,
              level: 'warn',
              event: 'webhook',
              message: message(total),
              data,
              created_at: entry.minute,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('webhook_refusals')
            .set({ log_id: log.id })
            .where('integration_id', '=', entry.integrationId)
            .where('minute', '=', entry.minute)
            .execute();
        } else {
          await trx
            .updateTable('integration_log')
            .set({ message: message(total), data })
            .where('id', '=', counted.log_id as number)
            .execute();
        }
        return total;
      });
    },
  };
}
