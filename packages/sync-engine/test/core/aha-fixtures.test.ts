import { describe, expect, it } from 'vitest';
import { integrationConfigSchema } from '../../src/core/config.ts';
import { mapFromRemote, mapToRemote } from '../../src/core/mapping/index.ts';
import { planSend } from '../../src/core/send-plan.ts';
import {
  linksFromFeatureEvent,
  readFixture,
  recordsFromFeatureEvent,
  remoteFromRallyWebhook,
} from './aha-fixtures.ts';
import { featureMapping, rallyConfig } from './builders.ts';

type FeatureEvent = Parameters<typeof recordsFromFeatureEvent>[0];
type Delivery = Parameters<typeof remoteFromRallyWebhook>[0];

describe('the services library fixtures', () => {
  it('create_feature: the unlinked release goes first, then the feature, then its requirement', () => {
    const event = readFixture('create_feature_event.json') as FeatureEvent;
    const records = recordsFromFeatureEvent(event);
    const plan = planSend({
      integration: rallyConfig,
      selection: { featureIds: [event.feature.id] },
      records,
      links: linksFromFeatureEvent(event, rallyConfig.id),
    });
    expect(plan.steps.map((s) => `${s.action} ${s.record.referenceNum}`)).toEqual([
      'create PROD-R-1',
      'create PROD-2',
      'create PROD-2-1',
    ]);

    const requirement = records.find((r) => r.referenceNum === 'PROD-2-1')!;
    const mapping = {
      ...rallyConfig.recordMappings[2]!,
      fields: [
        ...rallyConfig.recordMappings[2]!.fields,
        {
          roadmapField: 'description' as const,
          remoteField: 'Description',
          direction: 'both' as const,
        },
      ],
    };
    expect(
      mapToRemote(requirement, mapping, {
        mode: 'create',
        resolveParent: () => ({
          remoteId: '1',
          ref: '/portfolioitem/feature/1',
          formattedId: 'F1',
          url: null,
          remoteType: 'PortfolioItem/Feature',
        }),
      }).fields,
    ).toEqual({
      Name: 'Requirement 1',
      Description: '<p>First requirement<br></p>',
      PortfolioItem: '/portfolioitem/feature/1',
    });
  });

  it("update_feature: only this integration's fields count as links; other services' are ignored", () => {
    const event = readFixture('update_feature_event.json') as FeatureEvent;
    const integration = integrationConfigSchema.parse({ ...rallyConfig, id: '30071774' });
    const links = linksFromFeatureEvent(event, integration.id);
    expect(links.map((l) => `${l.recordKind} ${l.remoteId}`)).toEqual([
      'feature 123456',
      'requirement 123456',
    ]);
    const plan = planSend({
      integration,
      selection: { featureIds: [event.feature.id] },
      records: recordsFromFeatureEvent(event),
      links,
    });
    expect(plan.steps.map((s) => `${s.action} ${s.record.referenceNum}`)).toEqual([
      'create PROD-R-1',
      'update PROD-2',
      'update PROD-2-1',
      'link PROD-2',
    ]);
  });

  it('a Rally webhook delivery maps back through the incoming mappings only', () => {
    const { remote, changed } = remoteFromRallyWebhook(
      readFixture('rally/rally_update_webhook.json') as Delivery,
    );
    expect(changed).toEqual(['VersionId', 'Tags']);
    expect(
      mapFromRemote(remote, featureMapping, { mode: 'update', onlyRemoteFields: changed }),
    ).toEqual({ changes: {}, issues: [] });
    const full = mapFromRemote(remote, featureMapping, { mode: 'update' });
    // Parent is empty in Rally, so the initiative link is cleared; the Release does not resolve.
    expect(full.changes).toEqual({
      name: 'rhodes synth',
      description: '<p>a piano...</p>',
      initiative: null,
    });
    expect(full.issues.map((i) => i.code)).toEqual(['unmapped_status', 'parent_not_linked']);
  });
});
