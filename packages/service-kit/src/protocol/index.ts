export * from './answers.ts';
export * from './envelope.ts';
export * from './events.ts';
export * from './json-schemas.ts';
export * from './records.ts';
export * from './signature.ts';
export * from './version.ts';
