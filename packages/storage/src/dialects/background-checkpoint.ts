import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';

/**
 * Runs in its own thread with its own connection. A checkpoint copies the WAL into the database
 * file and fsyncs both; done by the main connection, that stalled the event loop for 10–40 ms
 * every thousand pages in the middle of a bulk send.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.path, { timeout: 1000 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try { checkpoint.get(); } catch { /* busy: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { checkpoint.get(); } catch {}
  db.close();
  parentPort.close();
});
`;

export type BackgroundCheckpointer = { stop(): Promise<void> };

/** Moves WAL checkpoints of `raw` (a file database in WAL mode) off the calling thread. */
export function checkpointInBackground(
  raw: DatabaseSync,
  path: string,
  intervalMs = 250,
): BackgroundCheckpointer {
  raw.exec('PRAGMA wal_autocheckpoint = 0');
  const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { path, intervalMs } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', () => {
    // Never let the WAL grow without bound: the connection checkpoints for itself again.
    if (raw.isOpen) raw.exec('PRAGMA wal_autocheckpoint = 1000');
  });
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
