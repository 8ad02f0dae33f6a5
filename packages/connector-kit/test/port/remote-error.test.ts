import { describe, expect, it } from 'vitest';
import { kindForStatus, RemoteError, remoteErrorKinds } from '../../src/index.ts';

describe('RemoteError', () => {
  it.each([
    ['rate_limited', true],
    ['unavailable', true],
    ['timeout', true],
    ['connection_dropped', true],
    ['auth', false],
    ['forbidden', false],
    ['not_found', false],
    ['validation', false],
    ['conflict', false],
    ['unknown', false],
  ] as const)('%s is retryable by default: %s', (kind, retryable) => {
    const error = new RemoteError(kind, 'x');
    expect(error.retryable).toBe(retryable);
    expect(error.ambiguous).toBe(false);
  });

  it('covers every kind in the table above', () => {
    expect(remoteErrorKinds).toHaveLength(10);
  });

  it('keeps field errors and serialises without stack or cause', () => {
    const error = new RemoteError('validation', 'refused', {
      status: 422,
      fieldErrors: [{ field: 'Name', message: 'should not be null' }],
      cause: new Error('inner'),
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RemoteError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'RemoteError',
      kind: 'validation',
      message: 'refused',
      retryable: false,
      ambiguous: false,
      status: 422,
      fieldErrors: [{ field: 'Name', message: 'should not be null' }],
    });
  });

  it('recognises a RemoteError from another copy of the package by shape', () => {
    const foreign = Object.assign(new Error('x'), { name: 'RemoteError', kind: 'auth' });
    expect(RemoteError.is(foreign)).toBe(true);
    expect(RemoteError.is(new Error('x'))).toBe(false);
    expect(RemoteError.is('RemoteError')).toBe(false);
  });

  it.each([
    [400, 'validation'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [408, 'timeout'],
    [409, 'conflict'],
    [410, 'not_found'],
    [412, 'conflict'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [504, 'timeout'],
    [524, 'timeout'],
    [418, 'unknown'],
  ] as const)('status %i → %s', (status, kind) => {
    expect(kindForStatus(status)).toBe(kind);
  });
});
