import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeEachDialect } from '@tandem/storage/testing';
import { describe, expect, it } from 'vitest';
import {
  type ActionContext,
  addAttachment,
  clearIntegrationFields,
  createCustomField,
  createFeature,
  createInitiative,
  createRelease,
  createRequirement,
  deleteAttachment,
  deleteCustomField,
  deleteFeature,
  deleteInitiative,
  deleteRelease,
  deleteRequirement,
  integrationContext,
  moveFeature,
  setIntegrationFields,
  updateCustomField,
  updateFeature,
  updateInitiative,
  updateRelease,
  updateRequirement,
} from '../src/index.ts';
import { PNG } from './support/bytes.ts';
import { eventsSince, featureInput, seedWorkspace, snapshot } from './support/fixtures.ts';

const SRC = join(import.meta.dirname, '../src');
const WRITER = 'events/write.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the outbox writer is the only way to write', () => {
  it('no module but the writer builds insert, update, delete or raw SQL statements', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => relative(SRC, file) !== WRITER)
      .filter((file) =>
        /\b(insertInto|updateTable|deleteFrom|replaceInto|mergeInto|executeQuery)\s*\(|sql`\s*(insert|update|delete)/i.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});

describeEachDialect('every write path emits its events', (handle) => {
  it('emits exactly one event per single-record write, with the right action and origin', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const ws = s.workspace.id;
    const remote: ActionContext = integrationContext('rally-1', s.ctx.now);

    // Each step: what it writes, and the one event it must leave.
    type Step = [
      string,
      (ctx: ActionContext) => Promise<unknown>,
      string,
      'create' | 'update' | 'delete',
    ];
    const ids: Record<string, string> = {};
    let versions: Record<string, number> = {};
    const keep = (key: string) => (r: unknown) => {
      const rec = r as { id: string; version?: number };
      ids[key] = rec.id;
      if (rec.version) versions = { ...versions, [key]: rec.version };
      return r;
    };
    const steps: Step[] = [
      [
        'create release',
        (c) => createRelease(db, c, ws, { name: 'R', parkingLot: true }).then(keep('release')),
        'release',
        'create',
      ],
      [
        'update release',
        (c) =>
          updateRelease(db, c, ws, ids.release!, { version: versions.release!, name: 'R2' }).then(
            keep('release'),
          ),
        'release',
        'update',
      ],
      [
        'create initiative',
        (c) =>
          createInitiative(db, c, ws, { name: 'I', descriptionHtml: '' }).then(keep('initiative')),
        'initiative',
        'create',
      ],
      [
        'update initiative',
        (c) =>
          updateInitiative(db, c, ws, ids.initiative!, { version: 1, name: 'I2' }).then(
            keep('initiative'),
          ),
        'initiative',
        'update',
      ],
      [
        'create custom field',
        (c) =>
          createCustomField(db, c, ws, {
            recordType: 'feature',
            key: 'effort',
            label: 'Effort',
            type: 'number',
            options: [],
            required: false,
          }).then(keep('field')),
        'custom_field',
        'create',
      ],
      [
        'update custom field',
        (c) => updateCustomField(db, c, ws, ids.field!, { label: 'Effort (days)' }),
        'custom_field',
        'update',
      ],
      [
        'create feature',
        (c) => createFeature(db, c, ws, featureInput(s.release)).then(keep('feature')),
        'feature',
        'create',
      ],
      [
        'create feature 2',
        (c) => createFeature(db, c, ws, featureInput(s.release)).then(keep('feature2')),
        'feature',
        'create',
      ],
      [
        'update feature',
        (c) =>
          updateFeature(db, c, ws, ids.feature!, {
            version: versions.feature!,
            name: 'F',
            customFields: { effort: 3 },
          }).then(keep('feature')),
        'feature',
        'update',
      ],
      [
        'move feature',
        (c) =>
          moveFeature(db, c, ws, ids.feature!, {
            version: versions.feature!,
            afterId: ids.feature2!,
            releaseId: ids.release!,
          }).then(keep('feature')),
        'feature',
        'update',
      ],
      [
        'create requirement',
        (c) =>
          createRequirement(db, c, ws, ids.feature!, {
            name: 'Req',
            descriptionHtml: '',
            customFields: {},
          }).then(keep('requirement')),
        'requirement',
        'create',
      ],
      [
        'update requirement',
        (c) => updateRequirement(db, c, ws, ids.requirement!, { version: 1, name: 'Req 2' }),
        'requirement',
        'update',
      ],
      [
        'add attachment',
        (c) =>
          addAttachment(db, c, ws, {
            recordType: 'feature',
            recordId: ids.feature!,
            fileName: 'a.png',
            contentType: 'image/png',
            bytes: PNG,
          }).then(keep('attachment')),
        'attachment',
        'create',
      ],
      [
        'set integration field',
        (c) =>
          setIntegrationFields(db, c, {
            integrationId: 'rally-1',
            recordType: 'feature',
            recordId: ids.feature!,
            fields: { id: 'US12' },
          }),
        'integration_field',
        'create',
      ],
      [
        'change integration field',
        (c) =>
          setIntegrationFields(db, c, {
            integrationId: 'rally-1',
            recordType: 'feature',
            recordId: ids.feature!,
            fields: { id: 'US13' },
          }),
        'integration_field',
        'update',
      ],
      [
        'clear integration fields',
        (c) =>
          clearIntegrationFields(db, c, {
            integrationId: 'rally-1',
            recordType: 'feature',
            recordId: ids.feature!,
          }),
        'integration_field',
        'delete',
      ],
      [
        'delete attachment',
        (c) => deleteAttachment(db, c, ws, ids.attachment!),
        'attachment',
        'delete',
      ],
      [
        'delete requirement',
        (c) => deleteRequirement(db, c, ws, ids.requirement!),
        'requirement',
        'delete',
      ],
      ['delete feature', (c) => deleteFeature(db, c, ws, ids.feature!), 'feature', 'delete'],
      ['delete feature 2', (c) => deleteFeature(db, c, ws, ids.feature2!), 'feature', 'delete'],
      [
        'delete custom field',
        (c) => deleteCustomField(db, c, ws, ids.field!),
        'custom_field',
        'delete',
      ],
      [
        'delete initiative',
        (c) => deleteInitiative(db, c, ws, ids.initiative!),
        'initiative',
        'delete',
      ],
      ['delete release', (c) => deleteRelease(db, c, ws, ids.release!), 'release', 'delete'],
    ];

    for (const [i, [name, run, recordType, action]] of steps.entries()) {
      const ctx = i % 2 === 0 ? s.ctx : remote;
      const { seq } = await snapshot(db, 'features');
      await run(ctx);
      const events = await eventsSince(db, seq);
      expect(events.map((e) => `${name}: ${e.recordType} ${e.action} by ${e.origin}`)).toEqual([
        `${name}: ${recordType} ${action} by ${ctx.origin}`,
      ]);
      expect(events[0]!.actorId).toBe(ctx.actorId);
      expect(events[0]!.workspaceId).toBe(ws);
    }
  });

  it('deleting a feature emits an event for each requirement, attachment and integration field with it', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const ws = s.workspace.id;
    const f = await createFeature(db, s.ctx, ws, featureInput(s.release));
    const r = await createRequirement(db, s.ctx, ws, f.id, {
      name: 'R',
      descriptionHtml: '',
      customFields: {},
    });
    await addAttachment(db, s.ctx, ws, {
      recordType: 'requirement',
      recordId: r.id,
      fileName: 'a.png',
      contentType: 'image/png',
      bytes: PNG,
    });
    await setIntegrationFields(db, s.ctx, {
      integrationId: 'ado-1',
      recordType: 'feature',
      recordId: f.id,
      fields: { id: 7, url: 'https://dev.azure.com/x/7' },
    });
    const { seq } = await snapshot(db, 'features');
    await deleteFeature(db, s.ctx, ws, f.id);
    const events = await eventsSince(db, seq);
    expect(events.map((e) => `${e.recordType} ${e.action} of ${e.parent?.type ?? '-'}`)).toEqual([
      'attachment delete of requirement',
      'requirement delete of feature',
      'integration_field delete of feature',
      'integration_field delete of feature',
      'feature delete of -',
    ]);
    expect(events.slice(1, 4).every((e) => e.parent?.id === f.id)).toBe(true);
    expect(await snapshot(db, 'requirements')).toMatchObject({ rows: expect.any(Number) });
  });

  it('a write that fails part-way leaves neither rows nor events', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const before = await snapshot(db, 'integration_fields');
    const error = await setIntegrationFields(db, s.ctx, {
      integrationId: 'rally-1',
      recordType: 'feature',
      recordId: f.id,
      fields: { id: 'US1', snapshot: { name: 'x' }, bad: BigInt(1) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(await snapshot(db, 'integration_fields')).toEqual(before);
  });
});
