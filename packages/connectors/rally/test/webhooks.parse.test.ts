import { readFileSync } from 'node:fs';
import { RemoteError, remoteChangeSchema } from '@tandem/connector-kit';
import { describe, expect, it } from 'vitest';
import { parseDelivery } from '../src/webhook-payload.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseDelivery', () => {
  it('reads an update: ObjectID, version, author, time, changed values by attribute name', () => {
    const [change] = parseDelivery(fixture('webhook-updated-story-schedule-state.json')).map((c) =>
      remoteChangeSchema.parse(c),
    );
    expect(change).toMatchObject({
      kind: 'updated',
      ref: { type: 'HierarchicalRequirement', id: '7000000101' },
      changedBy: 'ae784947-d29d-4cf4-8ed0-000000000301',
      changeId: '871c37e6-8b87-4ad7-971e-000000001002',
      changedAt: new Date(1754400000123).toISOString(),
    });
    expect(change?.version).not.toBeNull();
    expect(change?.fields?.ScheduleState).toBe('In-Progress');
    expect(change?.previousFields?.ScheduleState).toBe('Defined');
  });

  it('reads a portfolio item create by its level name, without field values', () => {
    const [change] = parseDelivery(fixture('webhook-created-feature.json'));
    expect(change).toMatchObject({
      kind: 'created',
      ref: { type: 'PortfolioItem/Feature', id: '5000000012' },
    });
    expect(change?.fields).toBeUndefined();
  });

  it('turns a change to Recycled into a deletion', () => {
    const body = JSON.parse(fixture('webhook-updated-story-schedule-state.json'));
    body.message.changes = {
      x: { name: 'Recycled', type: 'Boolean', value: true, old_value: false },
    };
    expect(parseDelivery(JSON.stringify(body))[0]?.kind).toBe('deleted');
  });

  it('leaves values that need the integration config (references, dates) to a re-read', () => {
    const body = JSON.parse(fixture('webhook-updated-story-schedule-state.json'));
    body.message.changes.y = {
      name: 'Release',
      type: 'Release',
      value: { name: '2025.Q3', id: 'u', ref: 'r', object_type: 'Release' },
      old_value: null,
    };
    expect(parseDelivery(JSON.stringify(body))[0]?.fields).toBeUndefined();
  });

  it('says whether an update moved the record to another project', () => {
    const body = JSON.parse(fixture('webhook-updated-story-schedule-state.json'));
    expect(parseDelivery(JSON.stringify(body))[0]?.scopeChanged).toBe(false);
    body.message.changes.z = {
      name: 'Project',
      type: 'Project',
      value: { name: 'Alpha Mobile', id: 'u', ref: 'r', object_type: 'Project' },
      old_value: { name: 'Team Alpha', id: 'v', ref: 's', object_type: 'Project' },
    };
    expect(parseDelivery(JSON.stringify(body))[0]?.scopeChanged).toBe(true);
    expect(parseDelivery(fixture('webhook-created-feature.json'))[0]?.scopeChanged).toBeUndefined();
  });

  it.each(['', 'not json', '{}', '{"message":{"action":"Updated"}}', '[1]'])(
    'refuses %j as validation',
    (body) => {
      let thrown: unknown;
      try {
        parseDelivery(body);
      } catch (error) {
        thrown = error;
      }
      expect(RemoteError.is(thrown) && thrown.kind).toBe('validation');
    },
  );
});
