/**
 * Example service that talks to Rally (the simulator in its test): a release becomes a Release,
 * a feature a PortfolioItem/Feature in that release, each requirement a user story under it.
 * Integration fields: `id` (ObjectID), `formatted_id`, `url`.
 */
import { z } from 'zod';
import { defineService, type HandlerContext } from '../../src/index.ts';
import type { Feature, Release } from '../../src/protocol/index.ts';
import { detailUrl, type RallyAccount, rallyWrite } from './rally-client.ts';

export const rallyExampleConfig = z.object({
  accountUrl: z.url().describe('Rally address'),
  apiKey: z.string().min(10).describe('API key'),
  workspaceId: z.string().regex(/^\d+$/),
  projectId: z.string().regex(/^\d+$/),
});
type Data = z.infer<typeof rallyExampleConfig>;

const SERVICE = 'rally_example';

const ownField = (fields: Feature['integration_fields'], name: string) =>
  fields.find((f) => f.service_name === SERVICE && f.name === name)?.value;

function releaseFields(release: Release) {
  const end = release.release_date ?? new Date().toISOString().slice(0, 10);
  return {
    Name: release.name,
    ReleaseStartDate: release.start_date ?? end,
    ReleaseDate: end,
    State: 'Planning',
  };
}

async function sendFeature(feature: Feature, ctx: HandlerContext<Data>, account: RallyAccount) {
  const releaseId = feature.release && ownField(feature.release.integration_fields, 'id');
  const fields = {
    Name: feature.name,
    Description: feature.description.body,
    ...(releaseId ? { Release: `/release/${releaseId}` } : {}),
  };
  const existing = ownField(feature.integration_fields, 'id');
  const object = existing
    ? await rallyWrite(
        account,
        `/portfolioitem/feature/${existing}`,
        'PortfolioItem/Feature',
        fields,
        ctx.signal,
      )
    : await rallyWrite(
        account,
        '/portfolioitem/feature/create',
        'PortfolioItem/Feature',
        { ...fields, Project: `/project/${account.projectId}` },
        ctx.signal,
      );
  ctx.createIntegrationFields('features', feature.id, {
    id: String(object.ObjectID),
    formatted_id: object.FormattedID ?? '',
    url: detailUrl(account, object, 'portfolioitem/feature'),
  });
  for (const requirement of feature.requirements) {
    if (ownField(requirement.integration_fields, 'id')) continue;
    const story = await rallyWrite(
      account,
      '/hierarchicalrequirement/create',
      'HierarchicalRequirement',
      {
        Name: requirement.name,
        Description: requirement.description.body,
        PortfolioItem: `/portfolioitem/feature/${object.ObjectID}`,
        Project: `/project/${account.projectId}`,
      },
      ctx.signal,
    );
    ctx.createIntegrationFields('requirements', requirement.id, {
      id: String(story.ObjectID),
      formatted_id: story.FormattedID ?? '',
      url: detailUrl(account, story, 'userstory'),
    });
  }
  ctx.log('info', `${feature.reference_num} is ${object.FormattedID} in Rally`);
}

async function sendRelease(release: Release, ctx: HandlerContext<Data>, account: RallyAccount) {
  const existing = ownField(release.integration_fields, 'id');
  const object = existing
    ? await rallyWrite(
        account,
        `/release/${existing}`,
        'Release',
        releaseFields(release),
        ctx.signal,
      )
    : await rallyWrite(
        account,
        '/release/create',
        'Release',
        { ...releaseFields(release), Project: `/project/${account.projectId}` },
        ctx.signal,
      );
  ctx.createIntegrationFields('releases', release.id, {
    id: String(object.ObjectID),
    url: detailUrl(account, object, 'release'),
  });
}

export const rallyExampleService = defineService({
  name: SERVICE,
  title: 'Rally (example service)',
  config: rallyExampleConfig,
  handlers: {
    installed(_event, ctx) {
      ctx.setMetaData({ workspace: `/workspace/${ctx.data.workspaceId}` });
    },
    create_release: ({ release }, ctx) => sendRelease(release, ctx, ctx.data),
    update_release: ({ release }, ctx) => sendRelease(release, ctx, ctx.data),
    create_feature: ({ feature }, ctx) => sendFeature(feature, ctx, ctx.data),
    update_feature: ({ feature }, ctx) => sendFeature(feature, ctx, ctx.data),
    webhook({ webhook }, ctx) {
      // Rally's pigeon message: the changed object and its new values.
      const message = JSON.parse(webhook.body) as {
        message?: {
          object_id?: string;
          state?: Record<string, { name?: string; value?: unknown }>;
        };
      };
      const state = message.message?.state ?? {};
      const name = Object.values(state).find((v) => v.name === 'Name')?.value;
      const objectId = Object.values(state).find((v) => v.name === 'ObjectID')?.value;
      if (objectId === undefined) return ctx.log('warn', 'A Rally message without an ObjectID');
      ctx.reportChange({
        kind: 'updated',
        resource: 'features',
        remote_id: String(objectId),
        fields: typeof name === 'string' ? { name } : {},
      });
    },
  },
});
