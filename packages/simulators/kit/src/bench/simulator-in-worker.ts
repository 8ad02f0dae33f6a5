import { isMainThread, parentPort, Worker } from 'node:worker_threads';

type Started = { url: string; close(): Promise<void> };

/**
 * Runs a simulator in a worker thread so a benchmark's load generator does not share its event
 * loop. Called from the benchmark module itself: in the worker it starts the simulator, reports
 * its URL and waits to be stopped (answering null); in the main thread it spawns that worker and
 * answers the simulator's URL and a way to stop it.
 */
export async function simulatorInWorker(
  benchModule: URL,
  start: () => Promise<Started>,
): Promise<{ url: string; stop(): Promise<void> } | null> {
  if (!isMainThread) {
    const server = await start();
    parentPort?.postMessage(server.url);
    parentPort?.on('message', async () => {
      await server.close();
      process.exit(0);
    });
    return null;
  }
  const worker = new Worker(benchModule);
  const url = await new Promise<string>((resolve) => worker.once('message', resolve));
  return {
    url,
    async stop() {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
