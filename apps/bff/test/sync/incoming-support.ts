import { randomBytes } from 'node:crypto';
import type { RecordMapping } from '@tandem/contracts';
import { ensureWorkflows, listEvents } from '@tandem/roadmap';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  startRallySimulator,
} from '@tandem/sim-rally';
import {
  type DatabaseHandle,
  integrationLogRepository,
  usersRepository,
  workspacesRepository,
} from '@tandem/storage';
import { rallyTwoWayMappings } from '@tandem/testkit';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_USERS } from '../../src/demo/seed-identity.ts';
import { type Browser, wizardApp } from '../wizard/support.ts';

type App = Awaited<ReturnType<typeof wizardApp>>;
/** What the simulator answers for an edit made in it (the object's oid and values). */
type RallyEdit = { oid: number; values: Record<string, unknown> } | null;
type Status = { id: string; name: string };

/** Someone editing in Rally's UI (not Tandem's Rally user, so webhooks carry their id). */
export const RALLY_DEVELOPER = 'dana.developer@acme.example';

/** `rallyTwoWayMappings` with this workspace's statuses, each mapping passed through `change`. */
export function mappingsWithStatuses(
  statuses: { feature: Status[]; requirement: Status[] },
  change: (m: RecordMapping) => RecordMapping = (m) => m,
): RecordMapping[] {
  return rallyTwoWayMappings((kind, name) => statuses[kind].find((s) => s.name === name)!.id).map(
    change,
  );
}

/**
 * For a suite: a Rally simulator delivering webhooks quickly and an `incomingApp` on it, started
 * before the suite's tests and closed after them. Read `suite.env` and `suite.sim` inside tests.
 */
export function incomingSuite(
  handle: () => DatabaseHandle,
  options: { now?: () => Date } = {},
): { env: IncomingApp; sim: RunningRallySimulator } {
  const suite = {} as { env: IncomingApp; sim: RunningRallySimulator };
  beforeAll(async () => {
    suite.sim = await startRallySimulator({
      port: 0,
      webhookDelivery: { attempts: 2, baseDelayMs: 20, timeoutMs: 5000 },
    });
    suite.env = await incomingApp(handle(), suite.sim, options);
  });
  afterAll(async () => {
    await suite.env?.app.close();
    await suite.sim?.close();
  });
  return suite;
}

/**
 * A BFF listening on a real port (so the simulator's webhooks reach it), with its worker running.
 * Each test takes a workspace of its own (`workspace()`), with the demo owner signed in.
 */
export async function incomingApp(
  database: DatabaseHandle,
  sim: RunningRallySimulator,
  options: { now?: () => Date; env?: Record<string, string> } = {},
): Promise<IncomingApp> {
  const app: App = await wizardApp(database, { listen: true, ...options });
  app.sync.worker.start();

  async function rally(path: string) {
    const res = await fetch(`${sim.url}/slm/webservice/v2.0/${path}`, {
      headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
    });
    return (await res.json()) as Record<string, any>;
  }

  async function settle() {
    await sim.simulator.control.flushWebhooks();
    await app.deps.webhookInbox.drained();
    await app.sync.worker.drained();
    // The echoes' one aggregated line, written now rather than once deliveries go quiet.
    await app.deps.webhookInbox.flushLog();
  }

  const workspace = () => workspaceIn(app, database, sim, settle);

  /** A change made in Rally's UI by someone else; webhooks fire with their user. */
  function editInRally(ref: string, data: Record<string, unknown>): RallyEdit {
    return sim.simulator.control.actAs({ user: RALLY_DEVELOPER, action: 'update', ref, data });
  }
  function createInRally(type: string, data: Record<string, unknown>): RallyEdit {
    return sim.simulator.control.actAs({
      user: RALLY_DEVELOPER,
      action: 'create',
      type,
      data: { Project: `/project/${SEED_IDS.projectAlpha}`, ...data },
    });
  }

  return { app, rally, settle, workspace, editInRally, createInRally };
}

/** A workspace of its own for one test (demo users as members), the owner signed in. */
async function workspaceIn(
  app: App,
  database: DatabaseHandle,
  sim: RunningRallySimulator,
  settle: () => Promise<void>,
) {
  const key = `I${randomBytes(3).toString('hex').toUpperCase()}`;
  const repo = workspacesRepository(database.db);
  const ws = await repo.create({ key, name: `Incoming ${key}` });
  await ensureWorkflows(database, { actorId: null, origin: 'user', now: new Date() }, ws.id);
  for (const u of DEMO_USERS) {
    const user = await usersRepository(database.db).findByEmail(u.email);
    await repo.addMember(ws.id, user!.id, u.role);
  }
  const browser: Browser = app.client();
  await browser.login('owner@tandem.demo');
  const base = `/api/workspaces/${ws.id}`;
  const { workflows } = await (await browser.request('GET', `${base}/workflows`)).json();
  const statusesOf = (type: string): Status[] =>
    workflows.find((w: { recordType: string }) => w.recordType === type).statuses;
  const statuses = { feature: statusesOf('feature'), requirement: statusesOf('requirement') };
  const release = await (
    await browser.request('POST', `${base}/releases`, {
      name: `Release ${key}`,
      startDate: '2027-01-04',
      releaseDate: '2027-03-26',
    })
  ).json();

  /** Creates, connects (API key of Tandem's Rally user) and enables a Rally integration. */
  async function enableRally(
    recordMappings: RecordMapping[],
    settings: { importNewRecords?: boolean; apiKey?: string } = {},
  ): Promise<string> {
    const integrations = `${base}/integrations`;
    const created = await (
      await browser.request('POST', integrations, { system: 'rally', name: `Rally ${key}` })
    ).json();
    await browser.request('PATCH', `${integrations}/${created.id}`, {
      version: created.version,
      settings: { accountUrl: sim.url },
    });
    const keyed = await (
      await browser.request('PUT', `${integrations}/${created.id}/credentials/api-key`, {
        apiKey: settings.apiKey ?? DEFAULT_ADMIN_API_KEY,
      })
    ).json();
    const configured = await browser.request('PATCH', `${integrations}/${created.id}`, {
      version: keyed.version,
      settings: {
        remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' },
        excludeChildUpdates: false,
        recordMappings,
        sendMode: 'auto',
        importNewRecords: settings.importNewRecords ?? true,
      },
    });
    expect(configured.status, await configured.clone().text()).toBe(200);
    const enabled = await browser.request('POST', `${integrations}/${created.id}/enable`);
    expect(enabled.status, await enabled.clone().text()).toBe(200);
    return created.id as string;
  }

  /** A feature in the release, sent to Rally through `integrationId` and linked. */
  async function linkedFeature(integrationId: string, name: string) {
    const feature = await (
      await browser.request('POST', `${base}/features`, {
        name,
        releaseId: release.id,
        descriptionHtml: `<p>${name}: why it matters</p>`,
      })
    ).json();
    const sent = await browser.request('POST', `${base}/integrations/${integrationId}/sends`, {
      featureIds: [feature.id],
    });
    expect(sent.status, await sent.clone().text()).toBe(202);
    await settle();
    const link = (await links('feature', feature.id)).find(
      (l: { integrationId: string }) => l.integrationId === integrationId,
    );
    expect(link?.state).toBe('linked');
    const remoteId = String(
      (
        await database.db
          .selectFrom('integration_fields')
          .select('value')
          .where('record_id', '=', feature.id)
          .where('integration_id', '=', integrationId)
          .where('key', '=', 'remoteId')
          .executeTakeFirstOrThrow()
      ).value,
    ).replaceAll('"', '');
    return { id: feature.id as string, remoteId, formattedId: link.formattedId as string };
  }

  async function links(recordType: string, recordId: string) {
    const res = await browser.request('GET', `${base}/links/${recordType}/${recordId}`);
    return (await res.json()).links;
  }

  async function feature(id: string) {
    return (await browser.request('GET', `${base}/features/${id}`)).json();
  }

  return {
    workspaceId: ws.id,
    base,
    browser,
    statuses,
    release,
    enableRally,
    linkedFeature,
    links,
    feature,
    statusId: (kind: 'feature' | 'requirement', name: string) =>
      statuses[kind].find((s) => s.name === name)!.id,
    /** Roadmap events of one record after `seq`. */
    eventsOf: (recordId: string, afterSeq: number) =>
      listEvents(database.db, { afterSeq, recordId }),
    log: (integrationId: string, recordId?: string) =>
      integrationLogRepository(database.db).list({
        integrationId,
        ...(recordId ? { recordId } : {}),
        limit: 500,
      }),
  };
}

export type IncomingWorkspace = Awaited<ReturnType<typeof workspaceIn>>;

export type IncomingApp = {
  app: App;
  rally(path: string): Promise<Record<string, any>>;
  settle(): Promise<void>;
  workspace(): Promise<IncomingWorkspace>;
  editInRally(ref: string, data: Record<string, unknown>): RallyEdit;
  createInRally(type: string, data: Record<string, unknown>): RallyEdit;
};
