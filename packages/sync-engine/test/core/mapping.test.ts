import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldDirection, FieldMapping } from '../../src/core/config.ts';
import { isBijective, mapFromRemote, mapToRemote } from '../../src/core/mapping/index.ts';
import type { RemoteRecordSnapshot } from '../../src/core/types.ts';
import { featureMapping, mapping, record } from './builders.ts';

const remote = (fields: RemoteRecordSnapshot['fields']): RemoteRecordSnapshot => ({
  id: '900',
  formattedId: 'F900',
  type: 'PortfolioItem/Feature',
  fields,
  version: null,
});

const one = (direction: FieldDirection, extra: Partial<FieldMapping> = {}) =>
  mapping({
    roadmapKind: 'feature',
    remoteType: 'PortfolioItem/Feature',
    fields: [{ roadmapField: 'name', remoteField: 'Name', direction, ...extra }],
  });

describe('field directions', () => {
  const feature = record('feature', 'f1', { name: 'Roadmap name' });
  const incoming = remote({ Name: 'Rally name' });

  it.each([
    // direction, sent on create, sent on update, taken on import, taken on update
    ['to_remote', true, true, false, false],
    ['from_remote', false, false, true, true],
    ['both', true, true, true, true],
    ['set_once', true, false, true, false],
  ] as const)(
    '%s: out on create %s, out on update %s, in on import %s, in on update %s',
    (direction, outCreate, outUpdate, inImport, inUpdate) => {
      const m = one(direction);
      const out = (mode: 'create' | 'update') => mapToRemote(feature, m, { mode }).fields;
      const inn = (mode: 'import' | 'update') => mapFromRemote(incoming, m, { mode }).changes;
      expect(out('create')).toEqual(outCreate ? { Name: 'Roadmap name' } : {});
      expect(out('update')).toEqual(outUpdate ? { Name: 'Roadmap name' } : {});
      expect(inn('import')).toEqual(inImport ? { name: 'Rally name' } : {});
      expect(inn('update')).toEqual(inUpdate ? { name: 'Rally name' } : {});
    },
  );
});

describe('mapToRemote', () => {
  it('passes HTML through untouched and writes defaults only on create', () => {
    const html = '<p>Hello <strong>world</strong><br></p><ul><li>a &amp; b</li></ul>';
    const m = { ...featureMapping, defaults: { Project: '/project/1', Name: 'overridden' } };
    const f = record('feature', 'f1', { name: 'Checkout', descriptionHtml: html, score: 8 });
    expect(mapToRemote(f, m, { mode: 'create' }).fields).toEqual({
      Project: '/project/1',
      Name: 'Checkout',
      Description: html,
      PreliminaryEstimateValue: 8,
      Release: null,
      Parent: null,
    });
    expect(mapToRemote(f, m, { mode: 'update', only: ['description'] }).fields).toEqual({
      Description: html,
    });
  });

  it('translates enumerations through the value map and reports values without an entry', () => {
    const m = mapping({
      roadmapKind: 'feature',
      remoteType: 'PortfolioItem/Feature',
      fields: [
        {
          roadmapField: 'custom:risk',
          remoteField: 'c_Risk',
          direction: 'both',
          valueMap: [
            { roadmap: 'low', remote: 'Low' },
            { roadmap: 'high', remote: 'High' },
          ],
        },
        {
          roadmapField: 'tags',
          remoteField: 'Tags',
          direction: 'to_remote',
          valueMap: [{ roadmap: 'ux', remote: 'UX' }],
        },
      ],
    });
    const ok = record('feature', 'f1', { custom: { risk: 'high' }, tags: ['ux'] });
    expect(mapToRemote(ok, m, { mode: 'update' })).toEqual({
      fields: { c_Risk: 'High', Tags: ['UX'] },
      issues: [],
    });
    const bad = record('feature', 'f1', { custom: { risk: 'medium' }, tags: ['ux', 'perf'] });
    expect(mapToRemote(bad, m, { mode: 'update' })).toEqual({
      fields: {},
      issues: [
        {
          code: 'unmapped_value',
          roadmapField: 'custom:risk',
          remoteField: 'c_Risk',
          values: ['medium'],
        },
        { code: 'unmapped_value', roadmapField: 'tags', remoteField: 'Tags', values: ['perf'] },
      ],
    });
  });

  it('sends status as the first mapped remote state, and reports an unmapped status', () => {
    const m = {
      ...featureMapping,
      fields: [
        { roadmapField: 'status' as const, remoteField: 'State', direction: 'to_remote' as const },
      ],
    };
    expect(
      mapToRemote(record('feature', 'f', { statusId: 's-dev' }), m, { mode: 'update' }).fields,
    ).toMatchObject({ State: 'Measuring' });
    expect(
      mapToRemote(record('feature', 'f', { statusId: 's-done' }), m, { mode: 'update' }).issues,
    ).toContainEqual({
      code: 'unmapped_status',
      remoteField: 'State',
      value: 's-done',
    });
  });

  it('links to a parent through its remote ref, and reports an unlinked parent', () => {
    const f = record('feature', 'f1', { releaseId: 'r1', initiativeId: 'i1' });
    const out = mapToRemote(f, featureMapping, {
      mode: 'create',
      resolveParent: (p) =>
        p.id === 'r1'
          ? {
              remoteId: '77',
              ref: '/release/77',
              formattedId: null,
              url: null,
              remoteType: 'Release',
            }
          : undefined,
    });
    expect(out.fields).toMatchObject({ Release: '/release/77' });
    expect(out.fields).not.toHaveProperty('Parent');
    expect(out.issues).toEqual([
      { code: 'parent_not_linked', parentKind: 'initiative', remoteField: 'Parent', value: 'i1' },
    ]);
  });
});

describe('mapFromRemote', () => {
  it('maps several remote states to one status, and leaves status alone for an unmapped state', () => {
    for (const state of ['Measuring', 'Developing']) {
      expect(
        mapFromRemote(remote({ State: state }), featureMapping, { mode: 'update' }).changes,
      ).toEqual({ status: 's-dev' });
    }
    const unmapped = mapFromRemote(remote({ State: 'Done' }), featureMapping, { mode: 'update' });
    expect(unmapped.changes).toEqual({});
    expect(unmapped.issues).toEqual([
      { code: 'unmapped_status', remoteField: 'State', value: 'Done' },
    ]);
  });

  it('applies only the attributes a webhook says changed', () => {
    const r = remote({ Name: 'N', Description: '<p>d</p>', State: 'Developing' });
    expect(
      mapFromRemote(r, featureMapping, { mode: 'update', onlyRemoteFields: ['State'] }).changes,
    ).toEqual({ status: 's-dev' });
  });

  it('resolves remote parents to linked roadmap records; an unknown parent is reported', () => {
    const r = remote({ Release: '/release/77', Parent: '/initiative/5' });
    const out = mapFromRemote(r, featureMapping, {
      mode: 'import',
      resolveRecord: (kind, ref) =>
        kind === 'release' && ref === '/release/77' ? { kind, id: 'r1' } : undefined,
    });
    expect(out.changes).toEqual({ release: 'r1' });
    expect(out.issues).toEqual([
      {
        code: 'parent_not_linked',
        parentKind: 'initiative',
        remoteField: 'Parent',
        value: '/initiative/5',
      },
    ]);
  });
});

const direction = fc.constantFrom<FieldDirection>('to_remote', 'from_remote', 'both', 'set_once');
const text = fc.string({ maxLength: 12 });

describe('mapping properties', () => {
  it('a `both` mapping with a bijective value map round-trips every mapped value', () => {
    const bijective = fc
      .uniqueArray(fc.tuple(text, text), { minLength: 1, maxLength: 8, selector: ([a]) => a })
      .filter((pairs) => new Set(pairs.map(([, b]) => b)).size === pairs.length)
      .map((pairs) => pairs.map(([roadmap, remoteValue]) => ({ roadmap, remote: remoteValue })));
    fc.assert(
      fc.property(bijective, fc.nat(), (valueMap, pick) => {
        expect(isBijective(valueMap)).toBe(true);
        const value = valueMap[pick % valueMap.length]!.roadmap;
        const m = mapping({
          roadmapKind: 'feature',
          remoteType: 'F',
          fields: [
            { roadmapField: 'custom:choice', remoteField: 'c_Choice', direction: 'both', valueMap },
          ],
        });
        const sent = mapToRemote(record('feature', 'f', { custom: { choice: value } }), m, {
          mode: 'update',
        });
        const back = mapFromRemote(remote(sent.fields), m, { mode: 'update' });
        expect(back.changes).toEqual({ 'custom:choice': value });
      }),
    );
  });

  it('HTML round-trips byte for byte through a `both` mapping', () => {
    fc.assert(
      fc.property(fc.string(), (html) => {
        const sent = mapToRemote(
          record('feature', 'f', { descriptionHtml: html }),
          featureMapping,
          { mode: 'update', only: ['description'] },
        );
        expect(sent.fields).toEqual({ Description: html });
        expect(
          mapFromRemote(remote(sent.fields), featureMapping, { mode: 'update' }).changes,
        ).toEqual({ description: html });
      }),
    );
  });

  it('an outgoing-only field never appears inbound; an incoming-only field never appears outbound', () => {
    const mappings = fc
      .uniqueArray(
        fc.record({
          roadmapField: fc.constantFrom(
            'name' as const,
            'description' as const,
            'custom:a' as const,
            'custom:b' as const,
          ),
          remoteField: fc.constantFrom('A', 'B', 'C', 'D'),
          direction,
        }),
        { selector: (f) => f.roadmapField, maxLength: 4 },
      )
      .filter((ms) => new Set(ms.map((f) => f.remoteField)).size === ms.length);
    const remoteFields = fc.dictionary(fc.constantFrom('A', 'B', 'C', 'D'), text);
    fc.assert(
      fc.property(
        mappings,
        remoteFields,
        fc.constantFrom('create' as const, 'update' as const),
        (fieldMappings, rf, mode) => {
          const m = mapping({ roadmapKind: 'feature', remoteType: 'F', fields: fieldMappings });
          const inbound = mapFromRemote(remote(rf), m, {
            mode: mode === 'create' ? 'import' : 'update',
          }).changes;
          const outbound = mapToRemote(
            record('feature', 'f', { name: 'n', custom: { a: 'x', b: 'y' } }),
            m,
            { mode },
          ).fields;
          for (const f of fieldMappings) {
            if (f.direction === 'to_remote') expect(inbound).not.toHaveProperty([f.roadmapField]);
            if (f.direction === 'from_remote') expect(outbound).not.toHaveProperty([f.remoteField]);
            if (f.direction === 'set_once' && mode === 'update') {
              expect(inbound).not.toHaveProperty([f.roadmapField]);
              expect(outbound).not.toHaveProperty([f.remoteField]);
            }
          }
        },
      ),
    );
  });
});
