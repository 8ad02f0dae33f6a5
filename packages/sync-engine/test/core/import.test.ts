import { describe, expect, it } from 'vitest';
import { integrationConfigSchema } from '../../src/core/config.ts';
import { decideImport, type ImportInput } from '../../src/core/import.ts';
import type { RemoteRecordSnapshot } from '../../src/core/types.ts';
import { rallyConfig } from './builders.ts';

const story = (
  fields: RemoteRecordSnapshot['fields'],
  type = 'PortfolioItem/Feature',
): RemoteRecordSnapshot => ({
  id: '501',
  formattedId: 'F501',
  type,
  fields: { Name: 'From Rally', ...fields },
  version: '1',
});
const linked: Record<string, { kind: 'release' | 'initiative' | 'feature'; id: string }> = {
  '/release/7': { kind: 'release', id: 'r7' },
  '/initiative/3': { kind: 'initiative', id: 'i3' },
  '/portfolioitem/feature/9': { kind: 'feature', id: 'f9' },
};
const input = (over: Partial<ImportInput>): ImportInput => ({
  integration: rallyConfig,
  remote: story({}),
  alreadyLinked: false,
  inScope: true,
  resolveRecord: (_kind, ref) => linked[ref],
  firstParkingLotReleaseId: 'parking-1',
  ...over,
});

describe('decideImport', () => {
  it('imports a record created under a linked release', () => {
    expect(
      decideImport(input({ remote: story({ Release: '/release/7', State: 'Developing' }) })),
    ).toEqual({
      action: 'import',
      kind: 'feature',
      fields: { name: 'From Rally', status: 's-dev', release: 'r7' },
      parents: [{ kind: 'release', id: 'r7' }],
      parkingLot: false,
      issues: [],
    });
  });

  it('puts a feature whose release is not linked into the first parking-lot release', () => {
    const d = decideImport(
      input({ remote: story({ Release: '/release/404', Parent: '/initiative/3' }) }),
    );
    expect(d).toMatchObject({
      action: 'import',
      parkingLot: true,
      fields: { release: 'parking-1', initiative: 'i3' },
    });
  });

  it('imports a requirement under a linked feature; makes a candidate when auto-import is off', () => {
    const manual = integrationConfigSchema.parse({ ...rallyConfig, importNewRecords: false });
    const d = decideImport(
      input({
        integration: manual,
        remote: story({ PortfolioItem: '/portfolioitem/feature/9' }, 'HierarchicalRequirement'),
      }),
    );
    expect(d).toMatchObject({
      action: 'candidate',
      kind: 'requirement',
      fields: { parentFeature: 'f9' },
      parkingLot: false,
    });
  });

  it.each([
    ['no linked parent', input({ remote: story({ Release: '/release/404' }) }), 'no_linked_parent'],
    ['an unmapped type', input({ remote: story({}, 'Defect') }), 'type_not_mapped'],
    ['an already linked record', input({ alreadyLinked: true }), 'already_linked'],
    ['a record outside the project', input({ inScope: false }), 'out_of_scope'],
  ])('skips %s', (_name, i, reason) => {
    expect(decideImport(i)).toMatchObject({ action: 'skip', reason });
  });
});
