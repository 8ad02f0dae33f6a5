export * from './port/index.ts';
export * from './transport/index.ts';
