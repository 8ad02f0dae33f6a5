import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeServiceProtocol, fixtureEvent, sendEvent } from '../../src/harness/index.ts';
import { serveService } from '../../src/index.ts';
import { jsonlFileService } from './service.ts';

const secret = 'jsonl-example-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'jsonl-service-'));
const path = join(dir, 'records.jsonl');

describeServiceProtocol({
  name: 'jsonl-file example',
  service: 'jsonl_file',
  secret,
  data: { path },
  invalidData: { path: 'records.txt' },
  start: () => serveService(jsonlFileService, { secret }),
  // A folder where the file should be: appending fails until it is gone.
  breakRemote: {
    break: () => {
      rmSync(path, { force: true });
      mkdirSync(path);
    },
    heal: () => rmSync(path, { recursive: true }),
  },
});

describe('jsonl-file example', () => {
  it('writes one line per feature, also when the event is retried', async () => {
    const file = join(dir, 'once.jsonl');
    const running = await serveService(jsonlFileService, { secret });
    try {
      const event = () =>
        fixtureEvent('create_feature', {
          service: 'jsonl_file',
          data: { path: file },
          idempotencyKey: 'k1',
        });
      const first = await sendEvent(running.url, event(), secret);
      await sendEvent(running.url, event(), secret);
      expect(first.body).toMatchObject({
        ok: true,
        integration_fields: [
          { resource: 'features', id: '5886067808745625353', fields: { id: '1' } },
          { resource: 'requirements', id: '5886072825272941795' },
        ],
      });
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        reference_num: 'PROD-2',
        requirements: [{ name: 'Requirement 1' }],
      });
    } finally {
      await running.close();
    }
  });
});
