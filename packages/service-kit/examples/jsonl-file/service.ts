/**
 * Example service without a network: every feature and release sent to it becomes one line of a
 * JSON-lines file. The integration fields point at the line (`id` = line number).
 */
import { appendFile, readFile } from 'node:fs/promises';
import { z } from 'zod';
import { defineService, ServiceError } from '../../src/index.ts';
import type { Release } from '../../src/protocol/index.ts';

export const jsonlConfig = z.object({
  path: z
    .string()
    .regex(/\.jsonl$/, 'a file ending in .jsonl')
    .describe('File to append to'),
});

async function append(path: string, entry: Record<string, unknown>): Promise<number> {
  try {
    await appendFile(path, `${JSON.stringify(entry)}\n`);
    const text = await readFile(path, 'utf8');
    return text.split('\n').filter(Boolean).length;
  } catch (error) {
    // The file may become writable again (a full disk, a folder not mounted yet).
    throw new ServiceError(`Cannot write ${path}: ${(error as Error).message}`, {
      retryable: true,
    });
  }
}

const releaseLine = (event: string, release: Release) => ({
  event,
  id: release.id,
  name: release.name,
  release_date: release.release_date,
});

export const jsonlFileService = defineService({
  name: 'jsonl_file',
  title: 'JSON lines file',
  config: jsonlConfig,
  handlers: {
    installed(_event, ctx) {
      ctx.setMetaData({ format: 'jsonl', version: 1 });
      ctx.log('info', `Records go to ${ctx.data.path}`);
    },
    async create_release({ release, event }, ctx) {
      const line = await append(ctx.data.path, releaseLine(event, release));
      ctx.createIntegrationFields('releases', release.id, {
        id: String(line),
        url: `file://${ctx.data.path}#L${line}`,
      });
    },
    async update_release({ release, event }, ctx) {
      await append(ctx.data.path, releaseLine(event, release));
    },
    async create_feature({ feature, event }, ctx) {
      const line = await append(ctx.data.path, {
        event,
        id: feature.id,
        reference_num: feature.reference_num,
        name: feature.name,
        release: feature.release?.id ?? null,
        requirements: feature.requirements.map((r) => ({ id: r.id, name: r.name })),
      });
      ctx.createIntegrationFields('features', feature.id, {
        id: String(line),
        url: `file://${ctx.data.path}#L${line}`,
      });
      for (const requirement of feature.requirements) {
        ctx.createIntegrationFields('requirements', requirement.id, {
          id: `${line}.${requirement.id}`,
        });
      }
      ctx.log('info', `${feature.reference_num} written to line ${line}`);
    },
    async update_feature({ feature, event }, ctx) {
      await append(ctx.data.path, { event, id: feature.id, name: feature.name });
    },
    webhook(_event, ctx) {
      ctx.log('debug', 'A file sends no webhooks');
    },
  },
});
