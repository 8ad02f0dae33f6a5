export * from './queue/index.ts';
export * from './sync/index.ts';
