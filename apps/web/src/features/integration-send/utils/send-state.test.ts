import { describe, expect, it } from 'vitest';
import { countdown, sendState } from './send-state';

const row = (state: string, extra: object = {}) => ({
  recordId: 'f1',
  integrationId: 'i1',
  integrationName: 'Remote',
  state,
  formattedId: 'F7',
  url: 'https://remote.test/F7',
  dueAt: null,
  brokenReason: null,
  error: null,
  ...extra,
});

describe('sendState', () => {
  it('offers a first send when the record is not linked', () => {
    expect(sendState('Remote', undefined)).toMatchObject({
      label: 'Send to Remote',
      tone: 'plain',
    });
  });

  it('says a linked record is up to date', () => {
    expect(sendState('Remote', row('linked'))).toMatchObject({
      label: 'In Remote — up to date',
      item: 'In Remote (F7): up to date — check again',
    });
  });

  it('offers to send a waiting text change now, with when it goes by itself', () => {
    const state = sendState('Remote', row('update_pending', { dueAt: '2026-01-01T00:05:00Z' }));
    expect(state).toMatchObject({
      label: 'In Remote — send changes now',
      dueAt: '2026-01-01T00:05:00Z',
    });
    expect(countdown('2026-01-01T00:05:00Z', Date.parse('2026-01-01T00:00:15Z'))).toBe('4:45');
    expect(countdown('2026-01-01T00:05:00Z', Date.parse('2026-01-01T00:06:00Z'))).toBe('0:00');
  });

  it('gives the reason a link broke', () => {
    expect(
      sendState('Remote', row('link_broken', { brokenReason: 'deleted_remotely' })),
    ).toMatchObject({
      label: 'Link broken',
      note: 'The record was deleted in Remote. Recreate and Unlink are not available yet.',
    });
  });
});
