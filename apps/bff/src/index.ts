export { type AppType, createApp } from './app.ts';
export type { AppDeps } from './app-env.ts';
export { parseEnv } from './env.ts';
