import { expect } from 'vitest';
import { RemoteError } from '../../port/errors.ts';
import { attachmentSchema, remoteRecordSchema } from '../../port/model.ts';
import type { ConformanceCase } from '../types.ts';
import { expectRemoteError } from './expect-remote-error.ts';

export const recordsSuite: ConformanceCase[] = [
  {
    name: 'createRecord returns the normalised record with the fields sent',
    async run({ connector, ctx, fixture, unique }) {
      const seed = unique();
      const fields = fixture.newFields(seed);
      const record = remoteRecordSchema.parse(
        await connector.createRecord(ctx, {
          scope: fixture.scope,
          type: fixture.recordType,
          fields,
          idempotencyToken: unique('token'),
        }),
      );
      expect(record.type).toBe(fixture.recordType);
      expect(record.fields[fixture.titleField]).toEqual(fields[fixture.titleField]);
      await connector.deleteRecord(ctx, record);
    },
  },
  {
    name: 'readRecord returns what was created, with the same version',
    async run({ connector, ctx, createRecord, fixture }) {
      const created = await createRecord();
      const read = remoteRecordSchema.parse(await connector.readRecord(ctx, created));
      expect(read.id).toBe(created.id);
      expect(read.formattedId).toBe(created.formattedId);
      expect(read.version).toBe(created.version);
      expect(read.fields[fixture.titleField]).toEqual(created.fields[fixture.titleField]);
    },
  },
  {
    name: 'a record says where it lives (scopeId) and, when it has one, how to reference it (ref)',
    async run({ connector, ctx, createRecord, fixture }) {
      const read = remoteRecordSchema.parse(await connector.readRecord(ctx, await createRecord()));
      if (fixture.scope.projectId) expect(read.scopeId).toBe(fixture.scope.projectId);
      else expect(read.scopeId).toBeTruthy();
      if (read.ref !== undefined) expect(read.ref).toContain(read.id);
    },
  },
  {
    name: 'updateRecord changes the fields and the version',
    async run({ connector, ctx, createRecord, fixture, unique }) {
      const created = await createRecord();
      const changes = fixture.changedFields(unique());
      const updated = remoteRecordSchema.parse(
        await connector.updateRecord(ctx, created, {
          fields: changes,
          expectedVersion: created.version,
        }),
      );
      expect(updated.id).toBe(created.id);
      expect(updated.version).not.toBe(created.version);
      expect(updated.fields[fixture.titleField]).toEqual(changes[fixture.titleField]);
      expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
      const read = await connector.readRecord(ctx, created);
      expect(read.fields[fixture.titleField]).toEqual(changes[fixture.titleField]);
    },
  },
  {
    name: 'updateRecord with a stale expectedVersion fails with kind "conflict"',
    async run({ connector, ctx, createRecord, fixture, unique }) {
      const created = await createRecord();
      await connector.updateRecord(ctx, created, { fields: fixture.changedFields(unique()) });
      await expectRemoteError(
        connector.updateRecord(ctx, created, {
          fields: fixture.changedFields(unique()),
          expectedVersion: created.version,
        }),
        'conflict',
      );
    },
  },
  {
    name: 'deleteRecord removes the record: reading it fails with kind "not_found"',
    async run({ connector, ctx, createRecord }) {
      const created = await createRecord();
      await connector.deleteRecord(ctx, created);
      await expectRemoteError(connector.readRecord(ctx, created), 'not_found');
    },
  },
];

export const idempotentCreateSuite: ConformanceCase[] = [
  {
    name: 'findByIdempotencyToken finds the record a create made',
    async run({ connector, ctx, fixture, unique }) {
      const token = unique('token');
      const record = await connector.createRecord(ctx, {
        scope: fixture.scope,
        type: fixture.recordType,
        fields: fixture.newFields(unique()),
        idempotencyToken: token,
      });
      const found = await connector.findByIdempotencyToken(ctx, {
        scope: fixture.scope,
        type: fixture.recordType,
        idempotencyToken: token,
      });
      expect(found?.id).toBe(record.id);
      await connector.deleteRecord(ctx, record);
    },
  },
  {
    name: 'findByIdempotencyToken answers null for a token no create used',
    async run({ connector, ctx, fixture, unique }) {
      const found = await connector.findByIdempotencyToken(ctx, {
        scope: fixture.scope,
        type: fixture.recordType,
        idempotencyToken: unique('never-used'),
      });
      expect(found).toBeNull();
    },
  },
  {
    name: 'a create whose answer is lost fails as ambiguous, and the lookup finds the one record',
    async run({ connector, ctx, fixture, simulator, unique }) {
      const token = unique('token');
      const fields = fixture.newFields(unique());
      simulator.dropNextResponseAfterCommit();
      const error = await connector
        .createRecord(ctx, {
          scope: fixture.scope,
          type: fixture.recordType,
          fields,
          idempotencyToken: token,
        })
        .then(
          () => new Error('the create succeeded although its answer was lost: was it sent twice?'),
          (reason: unknown) => reason,
        );
      expect(RemoteError.is(error), `expected a RemoteError, got ${String(error)}`).toBe(true);
      expect((error as RemoteError).ambiguous, 'a lost create must be reported as ambiguous').toBe(
        true,
      );
      expect(['connection_dropped', 'timeout']).toContain((error as RemoteError).kind);
      const found = await connector.findByIdempotencyToken(ctx, {
        scope: fixture.scope,
        type: fixture.recordType,
        idempotencyToken: token,
      });
      expect(found, 'the committed record was not found by its token').not.toBeNull();
      expect(found?.fields[fixture.titleField]).toEqual(fields[fixture.titleField]);
      if (found) await connector.deleteRecord(ctx, found);
    },
  },
];

function childTypes(fixture: { parentType?: string; childType?: string }) {
  if (!fixture.parentType || !fixture.childType) {
    throw new Error('the children suite needs fixture.parentType and fixture.childType');
  }
  return { parentType: fixture.parentType, childType: fixture.childType };
}

export const childrenSuite: ConformanceCase[] = [
  {
    name: 'a record created with a parent reads back with parentId',
    async run({ connector, ctx, createRecord, fixture }) {
      const { parentType, childType } = childTypes(fixture);
      const parent = await createRecord(parentType);
      const child = await createRecord(childType, parent);
      expect(child.parentId).toBe(parent.id);
      expect((await connector.readRecord(ctx, child)).parentId).toBe(parent.id);
    },
  },
  {
    name: 'linkChild puts an existing record under a parent',
    async run({ connector, ctx, createRecord, fixture }) {
      const { parentType, childType } = childTypes(fixture);
      const parent = await createRecord(parentType);
      const child = await createRecord(childType);
      expect(child.parentId).toBeUndefined();
      await connector.linkChild(ctx, parent, child);
      expect((await connector.readRecord(ctx, child)).parentId).toBe(parent.id);
    },
  },
];

export const attachmentsSuite: ConformanceCase[] = [
  {
    name: 'uploadAttachment stores the file on the record',
    async run({ connector, ctx, createRecord }) {
      const record = await createRecord();
      const data = new TextEncoder().encode('conformance attachment ✓\n'.repeat(100));
      const attachment = attachmentSchema.parse(
        await connector.uploadAttachment(ctx, record, {
          fileName: 'spec notes.txt',
          contentType: 'text/plain',
          data,
        }),
      );
      expect(attachment.fileName).toBe('spec notes.txt');
      expect(attachment.size).toBe(data.byteLength);
    },
  },
];
