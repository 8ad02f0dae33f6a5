import { describe, expect, it } from 'vitest';
import { eventLabel } from './event-labels';

describe('eventLabel', () => {
  it('names the events the log writes in plain words', () => {
    expect(eventLabel('http')).toBe('HTTP calls');
    expect(eventLabel('webhook')).toBe('Webhooks received');
    expect(eventLabel('import_candidate')).toBe('Import candidates');
  });

  it('reads an unknown event from its code', () => {
    expect(eventLabel('create_release')).toBe('Create release');
    expect(eventLabel('')).toBe('');
  });
});
