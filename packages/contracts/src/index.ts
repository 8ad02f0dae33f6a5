export * from './auth.ts';
export * from './errors.ts';
export * from './health.ts';
export * from './integration-config.ts';
export * from './integrations.ts';
export * from './live-events.ts';
export * from './roadmap.ts';
export * from './workspaces.ts';
