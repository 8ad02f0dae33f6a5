export { measureReads, type ReadLoad, readLoadFromArgs } from './reads-per-second.ts';
export { simulatorInWorker } from './simulator-in-worker.ts';
