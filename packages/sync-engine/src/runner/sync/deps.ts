import type { Database } from '@tandem/storage';
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
};
