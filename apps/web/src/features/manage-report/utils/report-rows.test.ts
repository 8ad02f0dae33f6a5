import type { IntegrationReportRow } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import { applyView, searchFromView, viewFromSearch } from './report-rows';

const row = (id: string, extra: Partial<IntegrationReportRow>): IntegrationReportRow => ({
  id,
  workspace: { id: 'w1', key: 'APP', name: 'Mobile App' },
  system: 'rally',
  name: id,
  accountUrl: 'https://rally.example',
  remoteWorkspace: 'Acme',
  remoteProject: 'Team Alpha',
  template: null,
  state: 'enabled',
  lastSyncAt: null,
  linkedRecords: 0,
  errors: 0,
  ...extra,
});

const rows = [
  row('b', { errors: 3, state: 'failing' }),
  row('a', { linkedRecords: 10, workspace: { id: 'w2', key: 'PLT', name: 'Platform' } }),
  row('c', { state: 'needs_reauthorization', remoteProject: 'Beta Platform' }),
];

describe('manage integrations report', () => {
  it('round-trips its view through the URL, leaving defaults out', () => {
    const view = viewFromSearch(new URLSearchParams('state=failing&sort=errors&dir=desc'));
    expect(view).toEqual({ q: '', state: 'failing', system: '', sort: 'errors', dir: 'desc' });
    expect(searchFromView(view).toString()).toBe('state=failing&sort=errors&dir=desc');
    expect(searchFromView(viewFromSearch(new URLSearchParams('sort=bogus'))).toString()).toBe('');
  });

  it('filters by state and by text', () => {
    const base = viewFromSearch(new URLSearchParams());
    expect(applyView(rows, { ...base, state: 'failing' }).map((r) => r.id)).toEqual(['b']);
    expect(applyView(rows, { ...base, q: 'beta' }).map((r) => r.id)).toEqual(['c']);
  });

  it('sorts by workspace then name by default, and by numbers numerically', () => {
    const base = viewFromSearch(new URLSearchParams());
    expect(applyView(rows, base).map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(applyView(rows, { ...base, sort: 'errors', dir: 'desc' }).map((r) => r.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });
});
