/**
 * `node packages/service-kit/bin/service-dev.ts DIR [--port N]`: the development proxy over the
 * services in DIR. The signing secret is TANDEM_SERVICE_SECRET, or a new one printed once.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { startDevProxy } from '../src/dev-proxy/dev-proxy.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const portAt = args.indexOf('--port');
if (!dir) {
  process.stderr.write('usage: service-dev DIR [--port N]\n');
  process.exit(2);
}
let secret = process.env.TANDEM_SERVICE_SECRET ?? '';
if (secret.length < 16) {
  secret = randomBytes(24).toString('base64url');
  process.stdout.write(`signing secret (paste it in the integration): ${secret}\n`);
}
const proxy = await startDevProxy({
  dir: resolve(dir),
  secret,
  port: portAt >= 0 ? Number(args[portAt + 1]) : 4567,
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void proxy.close().then(() => process.exit(0)));
}
