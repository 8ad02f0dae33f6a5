/**
 * Run the simulator alone: `node packages/simulators/azure-devops/src/cli.ts` (or `./tandem sim ado`).
 * Env: SIM_ADO_HOST (127.0.0.1), SIM_ADO_PORT (4020), SIM_ADO_STATE_FILE (persistence),
 * SIM_ADO_PAT (the seeded full-scope user's token).
 */
import { z } from 'zod';
import { startAzureDevOpsSimulator } from './server.ts';
import { DEFAULT_FULL_PAT, DEFAULT_USERS, EXPIRED_PAT, REVOKED_PAT } from './state/identities.ts';

const Env = z.object({
  SIM_ADO_HOST: z.string().default('127.0.0.1'),
  SIM_ADO_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  SIM_ADO_STATE_FILE: z.string().optional(),
  SIM_ADO_PAT: z.string().min(8).default(DEFAULT_FULL_PAT),
});

const env = Env.parse(process.env);
const running = await startAzureDevOpsSimulator({
  host: env.SIM_ADO_HOST,
  port: env.SIM_ADO_PORT,
  stateFile: env.SIM_ADO_STATE_FILE,
  fullPat: env.SIM_ADO_PAT,
});

const lines = [
  `Azure DevOps simulator listening on ${running.url}`,
  `  Organization ${running.orgUrl}`,
  `  Control      ${running.url}/__sim/`,
  `  State file   ${env.SIM_ADO_STATE_FILE ?? '(in memory)'}`,
  '  Personal access tokens (HTTP Basic, any user name):',
  ...DEFAULT_USERS.map(
    (u, i) => `    ${u.uniqueName.padEnd(38)} ${i === 0 ? env.SIM_ADO_PAT : u.token}  ${u.note}`,
  ),
  `    ${'(expired)'.padEnd(38)} ${EXPIRED_PAT}`,
  `    ${'(revoked)'.padEnd(38)} ${REVOKED_PAT}`,
];
console.info(lines.join('\n'));

const stop = async () => {
  await running.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
