export { createKyselyJobQueue, type KyselyJobQueueOptions } from './kysely-job-queue.ts';
export {
  type AddJobSpec,
  type Job,
  type JobKeyMode,
  type JobQueue,
  PostponeJob,
  retryDelayMs,
} from './port.ts';
export {
  createWorker,
  type TaskHandler,
  type TaskHelpers,
  type Worker,
  type WorkerOptions,
} from './worker.ts';
