import { expect } from 'vitest';
import type { ConformanceCase } from '../types.ts';
import { expectRemoteError } from './expect-remote-error.ts';

export const errorsSuite: ConformanceCase[] = [
  {
    name: 'reading a record that does not exist fails with kind "not_found"',
    async run({ connector, ctx, fixture }) {
      const error = await expectRemoteError(
        connector.readRecord(ctx, { type: fixture.recordType, id: fixture.missingId }),
        'not_found',
      );
      expect(error.retryable).toBe(false);
    },
  },
  {
    name: 'updating a record that does not exist fails with kind "not_found"',
    async run({ connector, ctx, fixture, unique }) {
      await expectRemoteError(
        connector.updateRecord(
          ctx,
          { type: fixture.recordType, id: fixture.missingId },
          { fields: fixture.changedFields(unique()) },
        ),
        'not_found',
      );
    },
  },
  {
    name: 'a create the remote refuses fails with kind "validation" and field messages',
    async run({ connector, ctx, fixture, unique }) {
      if (!fixture.invalidFields) throw new Error('the errors suite needs fixture.invalidFields');
      const error = await expectRemoteError(
        connector.createRecord(ctx, {
          scope: fixture.scope,
          type: fixture.recordType,
          fields: fixture.invalidFields,
          idempotencyToken: unique('token'),
        }),
        'validation',
      );
      expect(error.retryable).toBe(false);
      expect(error.ambiguous).toBe(false);
      expect(error.fieldErrors.length).toBeGreaterThan(0);
      for (const fieldError of error.fieldErrors) expect(fieldError.message).not.toBe('');
    },
  },
];
