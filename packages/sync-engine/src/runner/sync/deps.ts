import type { Database, Transact } from '@tandem/storage';
import type { Kysely } from 'kysely';
import type { AddJobSpec, Job, JobQueue } from '../queue/port.ts';
import type { IntegrationGateway, RoadmapGateway, Trx } from './ports.ts';

/** Everything the sync runner needs from outside, wired once by the BFF. */
export type SyncDeps = {
  db: Kysely<Database>;
  queue: JobQueue & { addWithin(trx: Trx, spec: AddJobSpec): Promise<Job> };
  roadmap: RoadmapGateway;
  integrations: IntegrationGateway;
  now: () => Date;
  newToken: () => string;
  /** Called after a transaction added jobs, so an idle in-process worker picks them at once. */
  jobsAdded?: () => void;
  /**
   * Runs a record's answer as one unit of work (default: its own transaction). On SQLite the
   * BFF passes a group commit, so answers arriving together share one commit.
   */
  transact?: Transact;
};
