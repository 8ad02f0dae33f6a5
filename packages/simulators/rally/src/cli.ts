/**
 * Run the simulator alone: `node packages/simulators/rally/src/cli.ts` (or `./tandem sim rally`).
 * Env: SIM_RALLY_HOST (127.0.0.1), SIM_RALLY_PORT (4010), SIM_RALLY_STATE_FILE (persistence),
 * SIM_RALLY_API_KEY (the seeded admin's API key), SIM_RALLY_TLS=1 (HTTPS with the test CA).
 */
import { z } from 'zod';
import { DEFAULT_OAUTH_CLIENT } from './auth/state.ts';
import { startRallySimulator } from './server.ts';
import { DEFAULT_ADMIN_API_KEY, SEEDED_USERS } from './state/seed.ts';

const Env = z.object({
  SIM_RALLY_HOST: z.string().default('127.0.0.1'),
  SIM_RALLY_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SIM_RALLY_STATE_FILE: z.string().optional(),
  SIM_RALLY_API_KEY: z.string().min(8).default(DEFAULT_ADMIN_API_KEY),
  SIM_RALLY_TLS: z.enum(['0', '1', 'true', 'false']).default('0'),
});

const env = Env.parse(process.env);
const running = await startRallySimulator({
  host: env.SIM_RALLY_HOST,
  port: env.SIM_RALLY_PORT,
  stateFile: env.SIM_RALLY_STATE_FILE,
  adminApiKey: env.SIM_RALLY_API_KEY,
  tls: env.SIM_RALLY_TLS === '1' || env.SIM_RALLY_TLS === 'true',
});

const lines = [
  `Rally simulator listening on ${running.url}`,
  `  WSAPI        ${running.url}/slm/webservice/v2.0`,
  `  OAuth        ${running.url}/login/oauth2/auth · token ${running.url}/login/oauth2/token`,
  `  OAuth client id=${DEFAULT_OAUTH_CLIENT.clientId} secret=${DEFAULT_OAUTH_CLIENT.clientSecret}`,
  `  Webhooks API ${running.url}/apps/pigeon/api/v2/webhook`,
  `  Control      ${running.url}/__sim/`,
  `  State file   ${env.SIM_RALLY_STATE_FILE ?? '(in memory)'}`,
  '  Users:',
  ...SEEDED_USERS.map((u, i) => {
    const key = i === 0 ? env.SIM_RALLY_API_KEY : u.apiKey;
    return `    ${u.username.padEnd(30)} password ${u.password.padEnd(18)} API key ${key}${u.apiKeyReadOnly ? ' (read-only)' : ''}${u.subscriptionAdmin ? ' [subscription admin]' : ''}`;
  }),
];
console.info(lines.join('\n'));

const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
