import type { Database, Dialect } from '@tandem/storage';
import type { Kysely } from 'kysely';

/** What queries get: they can select and nothing else, so a read path cannot write. */
export type Reader = Pick<Kysely<Database>, 'selectFrom'>;
export type ReadStore = { readonly db: Reader; readonly dialect: Dialect };

/** What `runWrite` needs; a `DatabaseHandle` is one. */
export type Store = { readonly db: Kysely<Database>; readonly dialect: Dialect };
