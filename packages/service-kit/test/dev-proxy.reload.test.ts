/**
 * The development proxy as users run it (a child process over a folder): /configuration lists the
 * folder's services, events are delivered and printed with their answers, a saved edit reloads.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEvent, sendEvent } from '../src/harness/index.ts';

const secret = 'dev-proxy-secret-0123456789';
const kit = new URL('../src/index.ts', import.meta.url).href;
const dir = mkdtempSync(join(tmpdir(), 'services-'));
const serviceFile = join(dir, 'notes.ts');
const writeService = (title: string) =>
  writeFileSync(
    serviceFile,
    `import { defineService, z } from '${kit}';
export const notes = defineService({
  name: 'notes',
  title: '${title}',
  config: z.object({ channel: z.string().describe('Where notes go') }),
  handlers: {
    create_feature: ({ feature }, ctx) => ctx.createIntegrationFields('features', feature.id, { id: 'n-1' }),
  },
});
`,
  );

let proxy: ChildProcess;
let url = '';
const output: string[] = [];
const waitFor = (pattern: RegExp, from = 0) =>
  new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const line = output.slice(from).find((l) => pattern.test(l));
      if (line) return resolve(line);
      if (Date.now() - started > 10_000)
        return reject(new Error(`no ${pattern} in:\n${output.join('\n')}`));
      setTimeout(poll, 25);
    };
    poll();
  });

beforeAll(async () => {
  writeService('Notes v1');
  writeFileSync(join(dir, 'broken.ts'), 'export const = ;\n');
  proxy = spawn(
    process.execPath,
    [new URL('../bin/service-dev.ts', import.meta.url).pathname, dir, '--port', '0'],
    {
      env: { ...process.env, TANDEM_SERVICE_SECRET: secret },
    },
  );
  proxy.stdout?.on('data', (chunk: Buffer) =>
    output.push(...chunk.toString().split('\n').filter(Boolean)),
  );
  proxy.stderr?.on('data', (chunk: Buffer) =>
    output.push(...chunk.toString().split('\n').filter(Boolean)),
  );
  url = /on (http:\S+)/.exec(await waitFor(/development proxy on/))?.[1] ?? '';
}, 20_000);
afterAll(() => {
  proxy?.kill();
});

describe('./tandem service dev DIR', () => {
  it('lists the services of the folder with their config as JSON Schema, and says what failed to load', async () => {
    const configuration = await (await fetch(`${url}/configuration`)).json();
    expect(configuration).toMatchObject({
      protocol: 1,
      services: [
        {
          name: 'notes',
          title: 'Notes v1',
          config: { properties: { channel: { type: 'string', description: 'Where notes go' } } },
        },
      ],
    });
    expect(output.some((l) => l.startsWith('! broken.ts:'))).toBe(true);
  });

  it('delivers a signed event and prints it with the answer', async () => {
    const event = fixtureEvent('create_feature', { service: 'notes', data: { channel: '#dev' } });
    const { status, body } = await sendEvent(`${url}/services/notes`, event, secret);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      integration_fields: [{ resource: 'features', fields: { id: 'n-1' } }],
    });
    await waitFor(/^→ notes create_feature \{"protocol":1/);
    await waitFor(/^← notes 200 \{"protocol":1,"ok":true/);
    expect(
      (await sendEvent(`${url}/services/notes`, event, 'wrong-secret-000000000000')).status,
    ).toBe(401);
  });

  it('reloads a service when its file is saved', async () => {
    const before = output.length;
    writeService('Notes v2');
    await waitFor(/^loaded notes/, before);
    const configuration = (await (await fetch(`${url}/configuration`)).json()) as {
      services: { title: string }[];
    };
    expect(configuration.services[0]?.title).toBe('Notes v2');
  });
});
