import {
  type ActionContext,
  createCustomField,
  createFeature,
  createInitiative,
  createRelease,
  createRequirement,
  ensureWorkflows,
  listCustomFields,
  listStatuses,
} from '@tandem/roadmap';
import { type DatabaseHandle, usersRepository, workspacesRepository } from '@tandem/storage';
import {
  APP_FEATURES,
  APP_RELEASES,
  type DemoFeature,
  descriptionOf,
  PLT_FEATURES,
  PLT_INITIATIVES,
  PLT_RELEASES,
} from './roadmap-data.ts';
import { DEMO_USERS } from './seed-identity.ts';

type Ids = { workspaceId: string; ctx: ActionContext; db: DatabaseHandle };

async function statusIds(database: DatabaseHandle, workspaceId: string) {
  const byName = async (type: 'feature' | 'requirement' | 'release' | 'initiative') =>
    new Map((await listStatuses(database.db, workspaceId, type)).map((s) => [s.name, s.id]));
  return {
    feature: await byName('feature'),
    requirement: await byName('requirement'),
    release: await byName('release'),
    initiative: await byName('initiative'),
  };
}

async function seedReleases(
  { db, ctx, workspaceId }: Ids,
  releases: ReadonlyArray<{ name: string; startDate: string; releaseDate: string; status: string }>,
  statuses: Map<string, string>,
) {
  const scheduled: string[] = [];
  for (const r of releases) {
    const release = await createRelease(db, ctx, workspaceId, {
      name: r.name,
      startDate: r.startDate,
      releaseDate: r.releaseDate,
      statusId: statuses.get(r.status)!,
      parkingLot: false,
    });
    scheduled.push(release.id);
  }
  const parking = await createRelease(db, ctx, workspaceId, {
    name: 'Parking lot',
    parkingLot: true,
  });
  return { scheduled, parking: parking.id };
}

async function seedFeatures(
  ids: Ids,
  features: DemoFeature[],
  releases: { scheduled: string[]; parking: string },
  context: { initiatives: Map<string, string>; users: Map<string, string> },
) {
  const { db, ctx, workspaceId } = ids;
  const statuses = await statusIds(db, workspaceId);
  for (const demo of features) {
    const feature = await createFeature(db, ctx, workspaceId, {
      name: demo.name,
      descriptionHtml: descriptionOf(demo),
      statusId: statuses.feature.get(demo.status)!,
      releaseId: demo.release === 'parking' ? releases.parking : releases.scheduled[demo.release]!,
      initiativeId: demo.initiative ? context.initiatives.get(demo.initiative)! : null,
      assigneeId: demo.assignee ? context.users.get(demo.assignee)! : null,
      tags: demo.tags,
      score: demo.score,
      customFields: { segment: demo.segment },
    });
    for (const [name, status] of demo.requirements) {
      await createRequirement(db, ctx, workspaceId, feature.id, {
        name,
        descriptionHtml: `<p>${name}.</p>`,
        statusId: statuses.requirement.get(status)!,
        customFields: {},
      });
    }
  }
}

/**
 * The demo roadmap: APP "Mobile App" with three dated releases, a parking lot and ~30 features;
 * PLT "Platform" with initiatives (one linked from several APP features) and a few features.
 * Does nothing when APP already has releases.
 */
export async function seedDemoRoadmap(database: DatabaseHandle): Promise<{ created: boolean }> {
  const workspaces = workspacesRepository(database.db);
  const app = await workspaces.findByKey('APP');
  const plt = await workspaces.findByKey('PLT');
  if (!app || !plt) return { created: false };
  const existing = await database.db
    .selectFrom('releases')
    .select('id')
    .where('workspace_id', '=', app.id)
    .executeTakeFirst();
  if (existing) return { created: false };

  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await usersRepository(database.db).findByEmail(u.email);
    if (user) users.set(u.role, user.id);
  }
  const ctx: ActionContext = {
    actorId: users.get('owner') ?? null,
    origin: 'user',
    now: new Date(),
  };

  for (const ws of [app, plt]) {
    await ensureWorkflows(database, ctx, ws.id);
    // A start that died half-way through seeding left the field behind; keep it.
    const fields = await listCustomFields(database.db, ws.id);
    if (fields.some((field) => field.key === 'segment')) continue;
    await createCustomField(database, ctx, ws.id, {
      recordType: 'feature',
      key: 'segment',
      label: 'Customer segment',
      type: 'select',
      options: ['SMB', 'Mid-market', 'Enterprise'],
      required: true,
    });
  }

  const pltIds = { db: database, ctx, workspaceId: plt.id };
  const pltStatuses = await statusIds(database, plt.id);
  const initiatives = new Map<string, string>();
  for (const i of PLT_INITIATIVES) {
    const created = await createInitiative(database, ctx, plt.id, {
      name: i.name,
      descriptionHtml: i.description,
      statusId: pltStatuses.initiative.get(i.status)!,
    });
    initiatives.set(i.key, created.id);
  }
  const pltReleases = await seedReleases(pltIds, PLT_RELEASES, pltStatuses.release);
  await seedFeatures(pltIds, PLT_FEATURES, pltReleases, { initiatives, users });

  const appIds = { db: database, ctx, workspaceId: app.id };
  const appStatuses = await statusIds(database, app.id);
  const appReleases = await seedReleases(appIds, APP_RELEASES, appStatuses.release);
  await seedFeatures(appIds, APP_FEATURES, appReleases, { initiatives, users });
  return { created: true };
}
