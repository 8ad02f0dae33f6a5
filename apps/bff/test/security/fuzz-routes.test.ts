import {
  clientCertificateRequestSchema,
  createCustomFieldRequestSchema,
  createFeatureRequestSchema,
  createInitiativeRequestSchema,
  createIntegrationRequestSchema,
  createIntegrationTemplateRequestSchema,
  createReleaseRequestSchema,
  createRequirementRequestSchema,
  decideOutgoingRequestSchema,
  loginRequestSchema,
  moveFeatureRequestSchema,
  preflightRequestSchema,
  resolveConflictRequestSchema,
  sendRequestSchema,
  setApiKeyRequestSchema,
  templateOAuthStartRequestSchema,
  updateCustomFieldRequestSchema,
  updateFeatureRequestSchema,
  updateInitiativeRequestSchema,
  updateIntegrationRequestSchema,
  updateIntegrationTemplateRequestSchema,
  updateReleaseRequestSchema,
  updateRequirementRequestSchema,
  updateWorkspaceRequestSchema,
} from '@tandem/contracts';
import {
  addRequirementSchema,
  integrationFieldsWriteSchema,
  issueTokenRequestSchema,
} from '@tandem/public-api';
import { createFeature, createRelease, ensureWorkflows, userContext } from '@tandem/roadmap';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS } from '@tandem/sim-rally';
import { integrationsRepository, usersRepository, workspacesRepository } from '@tandem/storage';
import { describeEachDialect, probePostgres } from '@tandem/storage/testing';
import { openWebhook } from '@tandem/sync-engine/runner';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ORIGIN } from '../support/test-app.ts';
import { mappingsWithStatuses } from '../sync/incoming-support.ts';
import { rallySimulatorForSuite } from '../wizard/suite-setup.ts';
import { type Browser, wizardApp } from '../wizard/support.ts';
import {
  anyString,
  fromSchema,
  mutate,
  REAL_ID_PATTERN,
  rawBody,
  snapshotQuery,
  tablesOf,
  versionedTables,
  withPollution,
  wrongValue,
} from './fuzz-support.ts';

/**
 * Every route of the BFF, enumerated from the app itself, gets generated requests: bodies built
 * from the zod schemas of `@tandem/contracts` and then mutated (wrong types, dropped and added
 * keys, numbers as strings, prototype-polluting keys), arbitrary JSON, huge and deeply nested
 * bodies, unicode, and text that is not JSON at all sent as JSON; path parameters are ids of a
 * seeded workspace (its records, integration, template) or garbage; callers are the owner, a
 * contributor, a viewer, nobody, or a browser without its CSRF token. The webhook endpoint gets
 * forged deliveries (no token, a wrong one) and, with its real token, bodies Rally never sends.
 *
 * Two rules hold for every request: no answer is 500 or above, and a refused request (any answer
 * of 400 or above) changes no row count of any table and no `version` of any versioned table.
 * The 10,000 bodies are split across the two databases, 6,000 on SQLite and 4,000 on PostgreSQL
 * (all on SQLite when PostgreSQL is absent), each well under a minute.
 */
const TOTAL_BODIES = 10_000;
const postgresUp = (await probePostgres()) === null;
/** PostgreSQL answers more slowly (a round trip per query): it takes the smaller share. */
const BODIES = { sqlite: postgresUp ? 6_000 : TOTAL_BODIES, postgres: 4_000 };
/** GET routes take no body: their path and query are fuzzed instead (not counted as bodies). */
const GETS_PER_DIALECT = 400;

/**
 * Tables a refused request may legitimately write, and why:
 * - `rate_limits`: a refused sign-in counts against the account and the address (the point of
 *   the limit); expired buckets are swept on a later hit.
 * - `webhook_refusals`: forged deliveries are counted per integration and minute, flushed by a
 *   timer, which also writes the one aggregated integration-log row per minute (excluded from
 *   the `integration_log` count below through `webhook_refusals.log_id`).
 * - `sessions` is counted, but only grows on a sign-in (an answer of 200); its `last_seen` may
 *   move on any request, which a row count does not see.
 */
const MAY_WRITE_WHEN_REFUSED = new Set(['rate_limits', 'webhook_refusals']);

/** The contracts schema of each route that reads a JSON body, by `METHOD path`. */
const BODY_SCHEMAS = {
  'POST /api/auth/login': loginRequestSchema,
  'PATCH /api/workspaces/:workspaceId': updateWorkspaceRequestSchema,
  'POST /api/workspaces/:workspaceId/releases': createReleaseRequestSchema,
  'PATCH /api/workspaces/:workspaceId/releases/:releaseId': updateReleaseRequestSchema,
  'POST /api/workspaces/:workspaceId/initiatives': createInitiativeRequestSchema,
  'PATCH /api/workspaces/:workspaceId/initiatives/:initiativeId': updateInitiativeRequestSchema,
  'POST /api/workspaces/:workspaceId/features': createFeatureRequestSchema,
  'PATCH /api/workspaces/:workspaceId/features/:featureId': updateFeatureRequestSchema,
  'POST /api/workspaces/:workspaceId/features/:featureId/move': moveFeatureRequestSchema,
  'POST /api/workspaces/:workspaceId/features/:featureId/requirements':
    createRequirementRequestSchema,
  'PATCH /api/workspaces/:workspaceId/requirements/:requirementId': updateRequirementRequestSchema,
  'POST /api/workspaces/:workspaceId/custom-fields': createCustomFieldRequestSchema,
  'PATCH /api/workspaces/:workspaceId/custom-fields/:fieldId': updateCustomFieldRequestSchema,
  'POST /api/workspaces/:workspaceId/integrations': createIntegrationRequestSchema,
  'PATCH /api/workspaces/:workspaceId/integrations/:integrationId': updateIntegrationRequestSchema,
  'PUT /api/workspaces/:workspaceId/integrations/:integrationId/credentials/api-key':
    setApiKeyRequestSchema,
  'PUT /api/workspaces/:workspaceId/integrations/:integrationId/client-certificate':
    clientCertificateRequestSchema,
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/preflight': preflightRequestSchema,
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/sends': sendRequestSchema,
  'POST /api/workspaces/:workspaceId/links/:recordType/:recordId/:integrationId/approval':
    decideOutgoingRequestSchema,
  'POST /api/workspaces/:workspaceId/links/:recordType/:recordId/:integrationId/resolve':
    resolveConflictRequestSchema,
  'POST /api/integration-templates': createIntegrationTemplateRequestSchema,
  'PATCH /api/integration-templates/:templateId': updateIntegrationTemplateRequestSchema,
  'PUT /api/integration-templates/:templateId/credentials/api-key': setApiKeyRequestSchema,
  'PUT /api/integration-templates/:templateId/client-certificate': clientCertificateRequestSchema,
  'POST /api/integration-templates/:templateId/oauth/start': templateOAuthStartRequestSchema,
  'POST /api/workspaces/:workspaceId/api-tokens': issueTokenRequestSchema,
  // The public API: without a bearer token every request is refused with 401.
  'PUT /api/public/v1/:collection/:recordId/integrations/:integrationId/fields':
    integrationFieldsWriteSchema,
  'POST /api/public/v1/features/:featureId/requirements': addRequirementSchema,
} as const;

/** Routes that read no JSON body (it must be ignored or refused): they get bodies all the same. */
const NO_BODY = new Set([
  'POST /api/auth/logout',
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/enable',
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/disable',
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/poll',
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/oauth/start',
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/import-candidates/:remoteId/import',
  'POST /api/workspaces/:workspaceId/integrations/:integrationId/import-candidates/:remoteId/dismiss',
  // Multipart only; JSON must be refused.
  'POST /api/workspaces/:workspaceId/features/:featureId/attachments',
  'DELETE /api/workspaces/:workspaceId/releases/:releaseId',
  'DELETE /api/workspaces/:workspaceId/initiatives/:initiativeId',
  'DELETE /api/workspaces/:workspaceId/features/:featureId',
  'DELETE /api/workspaces/:workspaceId/requirements/:requirementId',
  'DELETE /api/workspaces/:workspaceId/custom-fields/:fieldId',
  'DELETE /api/workspaces/:workspaceId/attachments/:attachmentId',
  'DELETE /api/workspaces/:workspaceId/integrations/:integrationId',
  'DELETE /api/workspaces/:workspaceId/integrations/:integrationId/client-certificate',
  'DELETE /api/integration-templates/:templateId',
  'DELETE /api/integration-templates/:templateId/client-certificate',
  'PUT /api/integration-templates/:templateId/shares/:workspaceKey',
  'DELETE /api/integration-templates/:templateId/shares/:workspaceKey',
  'DELETE /api/workspaces/:workspaceId/api-tokens/:tokenId',
]);
const WEBHOOK = 'POST /api/webhooks/:integrationId';
/** Server-sent events never end; the stream route is left to its own tests. */
const NOT_FUZZED = new Set(['GET /api/workspaces/:workspaceId/events/stream']);

type Actor = 'owner' | 'contributor' | 'viewer' | 'anonymous' | 'no-csrf' | 'fresh';
type Kind =
  | 'workspace'
  | 'release'
  | 'initiative'
  | 'feature'
  | 'requirement'
  | 'field'
  | 'attachment'
  | 'integration'
  | 'template';

/** Which kind of record each path parameter names. */
const PARAM_KIND: Record<string, Kind | null> = {
  workspaceId: 'workspace',
  releaseId: 'release',
  initiativeId: 'initiative',
  featureId: 'feature',
  recordId: 'feature',
  requirementId: 'requirement',
  fieldId: 'field',
  attachmentId: 'attachment',
  integrationId: 'integration',
  templateId: 'template',
  recordType: null,
  remoteId: null,
  workspaceKey: null,
  tokenId: null,
  collection: null,
};

/** A path parameter: the n-th real id of its kind when sent, or a garbage string. */
type Param = { real: number } | { garbage: string };
const paramArb: fc.Arbitrary<Param> = fc.oneof(
  { weight: 5, arbitrary: fc.nat(7).map((real) => ({ real })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.uuid(),
        anyString,
        fc.constantFrom('feature', 'requirement', 'release', '12345', '%E0%A4%A', '..'),
      )
      .map((garbage) => ({ garbage })),
  },
);

describeEachDialect('Fuzzed requests to every route', (handle, dialect) => {
  const sim = rallySimulatorForSuite();
  const BODIES_PER_DIALECT = BODIES[dialect];

  it(`answers ${BODIES[dialect]} generated bodies (and ${GETS_PER_DIALECT} GETs) below 500, writing nothing when refusing`, {
    timeout: 180_000,
  }, async () => {
    const database = handle();
    const app = await wizardApp(database, {
      env: {
        // Limits high enough that the fuzzer keeps reaching the routes behind them.
        LOGIN_MAX_FAILURES: '1000000',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
        SENDS_PER_MINUTE: '1000000',
        UPLOADS_PER_MINUTE: '1000000',
      },
    });
    const browsers = {
      owner: app.client(),
      contributor: app.client(),
      viewer: app.client(),
      anonymous: app.client(),
      noCsrf: app.client(),
    };
    const { workspaces } = await (await browsers.owner.login('owner@tandem.demo')).json();
    await browsers.contributor.login('contributor@tandem.demo');
    await browsers.viewer.login('viewer@tandem.demo');
    await browsers.noCsrf.login('owner@tandem.demo');
    browsers.noCsrf.forgetCsrf();
    const owner = browsers.owner;
    const workspaceId = workspaces[0].id as string;
    const base = `/api/workspaces/${workspaceId}`;

    const ok = async (res: Promise<{ status: number; json(): Promise<any> }>, what: string) => {
      const r = await res;
      const body = await r.json();
      if (r.status >= 300) throw new Error(`seeding ${what}: ${r.status} ${JSON.stringify(body)}`);
      return body;
    };

    // ── the seeded workspace: its records, an enabled Rally integration and a template ─────
    const { workflows } = await ok(owner.request('GET', `${base}/workflows`), 'workflows');
    const statusesOf = (type: string) =>
      workflows.find((w: { recordType: string }) => w.recordType === type).statuses as {
        id: string;
        name: string;
      }[];
    const statuses = { feature: statusesOf('feature'), requirement: statusesOf('requirement') };

    let seq = 0;
    const create: Record<Kind, () => Promise<string>> = {
      workspace: async () => workspaceId,
      release: async () =>
        (
          await ok(
            owner.request('POST', `${base}/releases`, {
              name: `Release ${++seq}`,
              startDate: '2027-01-04',
              releaseDate: '2027-03-26',
            }),
            'release',
          )
        ).id,
      initiative: async () =>
        (await ok(owner.request('POST', `${base}/initiatives`, { name: `Bet ${++seq}` }), 'bet'))
          .id,
      feature: async () =>
        (
          await ok(
            owner.request('POST', `${base}/features`, {
              name: `Feature ${++seq}`,
              releaseId: ids.release[0],
              descriptionHtml: '<p>Why it <strong>matters</strong></p>',
            }),
            'feature',
          )
        ).id,
      requirement: async () =>
        (
          await ok(
            owner.request('POST', `${base}/features/${ids.feature[0]}/requirements`, {
              name: `Requirement ${++seq}`,
            }),
            'requirement',
          )
        ).id,
      field: async () =>
        (
          await ok(
            owner.request('POST', `${base}/custom-fields`, {
              recordType: 'feature',
              key: `field_${++seq}`,
              label: `Field ${seq}`,
              type: 'text',
            }),
            'custom field',
          )
        ).id,
      attachment: async () => {
        const form = new FormData();
        form.append('file', new Blob(['hello'], { type: 'text/plain' }), `note-${++seq}.txt`);
        const res = await ok(
          owner.request('POST', `${base}/features/${ids.feature[0]}/attachments`, form),
          'attachment',
        );
        return (res.attachment ?? res).id;
      },
      integration: async () => {
        const integrations = `${base}/integrations`;
        const created = await ok(
          owner.request('POST', integrations, { system: 'rally', name: `Rally ${++seq}` }),
          'integration',
        );
        await ok(
          owner.request('PATCH', `${integrations}/${created.id}`, {
            version: created.version,
            settings: { accountUrl: sim.url },
          }),
          'account URL',
        );
        const keyed = await ok(
          owner.request('PUT', `${integrations}/${created.id}/credentials/api-key`, {
            apiKey: DEFAULT_ADMIN_API_KEY,
          }),
          'API key',
        );
        await ok(
          owner.request('PATCH', `${integrations}/${created.id}`, {
            version: keyed.version,
            settings: {
              remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme' },
              remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' },
              excludeChildUpdates: false,
              recordMappings: mappingsWithStatuses(statuses),
              sendMode: 'auto',
              importNewRecords: true,
            },
          }),
          'settings',
        );
        await ok(owner.request('POST', `${integrations}/${created.id}/enable`), 'enable');
        // Locked, as once anything was sent: the fuzzer cannot point it at another account
        // (an unreachable account answers 502 by design; that is not what this test is about).
        await integrationsRepository(database.db).update(created.id, {
          accountLockedAt: new Date().toISOString(),
        });
        return created.id as string;
      },
      template: async () => {
        const created = await ok(
          owner.request('POST', '/api/integration-templates', {
            name: `Shared ${++seq}`,
            system: 'rally',
          }),
          'template',
        );
        await ok(
          owner.request('PATCH', `/api/integration-templates/${created.id}`, {
            version: created.version,
            settings: { accountUrl: sim.url },
          }),
          'template URL',
        );
        return created.id as string;
      },
    };
    const ids = {} as Record<Kind, string[]>;
    const kinds = Object.keys(create) as Kind[];
    for (const kind of kinds) {
      ids[kind] = [];
      for (let i = 0; i < (kind === 'workspace' ? 1 : 2); i++) ids[kind].push(await create[kind]());
    }

    // Another workspace none of the demo users belongs to, with a feature of its own.
    const ownerRow = (await usersRepository(database.db).findByEmail('owner@tandem.demo'))!;
    const foreign = await workspacesRepository(database.db).create({
      key: `F${seq}${dialect === 'sqlite' ? 'S' : 'P'}`,
      name: 'Not yours',
    });
    const ctx = userContext(ownerRow.id);
    await ensureWorkflows(database, ctx, foreign.id);
    const foreignRelease = await createRelease(database, ctx, foreign.id, {
      name: 'Theirs',
      startDate: '2027-01-04',
      releaseDate: '2027-03-26',
      parkingLot: false,
    });
    const foreignFeature = await createFeature(database, ctx, foreign.id, {
      name: 'Their feature',
      descriptionHtml: '',
      releaseId: foreignRelease.id,
      tags: [],
      customFields: {},
    });
    const foreignIds = [foreign.id, foreignRelease.id, foreignFeature.id];

    /** Every id a generated body may name: records, statuses, users, another workspace's. */
    const bodyIds = () => [
      ...kinds.flatMap((k) => ids[k]),
      ...statuses.feature.map((s) => s.id),
      ...statuses.requirement.map((s) => s.id),
      ownerRow.id,
      ...foreignIds,
    ];
    const ID_SLOTS = 40;

    // ── the routes, from the app ─────────────────────────────────────────────────────────
    const routes = [
      ...new Set(
        app.app.routes
          .filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*'))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ].filter((r) => !NOT_FUZZED.has(r));
    const withBody = routes.filter((r) => !r.startsWith('GET '));
    const unclassified = withBody.filter(
      (r) => !(r in BODY_SCHEMAS) && !NO_BODY.has(r) && r !== WEBHOOK,
    );
    // A new route must say which schema its body has (or that it reads none) to be fuzzed well.
    expect(unclassified).toEqual([]);
    expect(withBody.length).toBeGreaterThan(40);

    const hints = {
      idSlots: ID_SLOTS,
      byKey: {
        accountUrl: fc.constantFrom(sim.url, 'not a url', 'ftp://x', ''),
        email: fc.constantFrom('owner@tandem.demo', 'viewer@tandem.demo', 'nobody@x.y'),
        password: fc.constantFrom('tandem-demo', 'wrong', ''),
        apiKey: fc.constantFrom(DEFAULT_ADMIN_API_KEY, '_wrong', ''),
        workspaceId: fc.constantFrom(workspaceId, foreign.id, 'nope'),
        recordMappings: fc.constant(mappingsWithStatuses(statuses)),
      },
    };

    const actorArb = (route: string): fc.Arbitrary<Actor> =>
      route === 'POST /api/auth/login' || route === 'POST /api/auth/logout'
        ? fc.constant('fresh')
        : fc.oneof(
            { weight: 14, arbitrary: fc.constant('owner' as const) },
            { weight: 3, arbitrary: fc.constant('contributor' as const) },
            { weight: 2, arbitrary: fc.constant('viewer' as const) },
            { weight: 1, arbitrary: fc.constant('anonymous' as const) },
            { weight: 1, arbitrary: fc.constant('no-csrf' as const) },
          );

    const paramsArb = (route: string) => {
      const names = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      return fc.record(Object.fromEntries(names.map((n) => [n, paramArb])));
    };

    /** The body for a route: a mutated valid one, arbitrary JSON, or raw text. */
    function bodyArb(route: string): fc.Arbitrary<string | undefined> {
      const schema = BODY_SCHEMAS[route as keyof typeof BODY_SCHEMAS];
      const valid = schema
        ? fromSchema(schema as unknown as Parameters<typeof fromSchema>[0], hints)
        : fc.constant({});
      return fc.oneof(
        { weight: 4, arbitrary: valid.map((v) => JSON.stringify(v)) },
        { weight: 8, arbitrary: valid.chain((v) => mutate(v)).map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: valid.map(withPollution) },
        { weight: 2, arbitrary: wrongValue.map((v) => JSON.stringify(v)) },
        { weight: 2, arbitrary: rawBody },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
    }

    /** A Rally-shaped delivery about the seeded records, forged or mangled. */
    const rallyDelivery = fc
      .record({
        message: fc.record({
          object_id: fc.oneof(fc.uuid(), fc.constant('')),
          object_type: fc.constantFrom('PortfolioItem/Feature', 'HierarchicalRequirement', 'x'),
          action: fc.constantFrom('Created', 'Updated', 'Deleted', 'Recycled', ''),
          message_id: fc.uuid(),
          transaction: fc.record({
            timestamp: fc.oneof(fc.integer(), fc.constant(1e300), fc.double()),
          }),
          state: fc.dictionary(
            fc.uuid(),
            fc.record({
              name: fc.constantFrom('ObjectID', 'VersionId', 'Name', 'Description', 'State'),
              type: fc.constantFrom('String', 'Text', 'Integer', 'State', 'Object', null),
              value: wrongValue,
            }),
            { maxKeys: 4 },
          ),
          changes: fc.dictionary(
            fc.uuid(),
            fc.record({
              name: fc.constantFrom('Name', 'Description', 'Recycled', 'Release', 'Parent'),
              type: fc.constantFrom('String', 'Text', 'Boolean', 'Object', 'Quantity'),
              value: wrongValue,
              old_value: wrongValue,
            }),
            { maxKeys: 4 },
          ),
          rule: fc.record({ ObjectUUID: fc.oneof(fc.uuid(), wrongValue) }),
        }),
        Timestamp: fc.oneof(fc.string(), wrongValue),
      })
      .chain((d) => mutate(d));
    const webhookCase = fc.record({
      route: fc.constant(WEBHOOK),
      params: fc.record({ integrationId: paramArb }),
      token: fc.constantFrom('none', 'wrong', 'empty', 'real', 'real+wrong'),
      body: fc.oneof(
        { weight: 4, arbitrary: rallyDelivery.map((v) => JSON.stringify(v)) },
        { weight: 1, arbitrary: rallyDelivery.map(withPollution) },
        { weight: 2, arbitrary: rawBody },
        { weight: 1, arbitrary: wrongValue.map((v) => JSON.stringify(v)) },
      ),
    });

    const routeCase = fc.constantFrom(...withBody.filter((r) => r !== WEBHOOK)).chain((route) =>
      fc.record({
        route: fc.constant(route),
        actor: actorArb(route),
        params: paramsArb(route),
        body: bodyArb(route),
      }),
    );
    const getCase = fc.constantFrom(...routes.filter((r) => r.startsWith('GET '))).chain((route) =>
      fc.record({
        route: fc.constant(route),
        actor: actorArb(route),
        params: paramsArb(route),
        query: fc.dictionary(
          fc.constantFrom('limit', 'cursor', 'releaseId', 'statusId', 'q', 'level', 'state', 'x'),
          anyString,
          { maxKeys: 3 },
        ),
      }),
    );

    // ── the database, before and after each request ──────────────────────────────────────
    const tables = await tablesOf(database);
    expect(tables).toContain('features');
    expect(tables).toContain('integration_log');
    const versioned = await versionedTables(database, tables);
    const counted: Record<string, string> = {};
    for (const t of tables) {
      // The integration log is checked by when its rows were written (below).
      if (MAY_WRITE_WHEN_REFUSED.has(t) || t === 'integration_log') continue;
      counted[t] = `select count(*) from "${t}"`;
    }
    for (const t of versioned)
      counted[`${t}.version`] = `select coalesce(sum(version), 0) from "${t}"`;
    const snapshot = snapshotQuery(database, counted);
    /**
     * Integration-log rows written at or after `since`. The transport's request log is written in
     * batches up to 100 ms after the calls it records, so rows of an earlier (successful) request
     * may land while a refused one runs; they carry the time of their call, before `since` (so do
     * the lines some successful requests append without waiting for them). The
     * aggregated refused-webhook rows (one per integration and minute) are not counted.
     */
    const logRowsSince = async (since: string) =>
      Number(
        (
          await database.db
            .selectFrom('integration_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('created_at', '>=', since)
            .where((eb) =>
              eb(
                'id',
                'not in',
                eb
                  .selectFrom('webhook_refusals')
                  .select('log_id')
                  .where('log_id', 'is not', null) as never,
              ),
            )
            .executeTakeFirstOrThrow()
        ).n,
      );

    const resolveParam = (name: string, p: Param) => {
      if ('garbage' in p) {
        // Broken escapes go as they are (the router must cope); the rest percent-encoded.
        if (/^%[0-9A-Fa-f]?$|^%E0%A4%A$/.test(p.garbage)) return p.garbage;
        return encodeURIComponent(p.garbage.toWellFormed()) || '%20';
      }
      const kind = PARAM_KIND[name];
      if (name === 'recordType') return ['feature', 'requirement', 'release'][p.real % 3]!;
      if (name === 'workspaceKey') return [workspaces[0].key, foreign.key, 'NOPE'][p.real % 3]!;
      if (name === 'remoteId') return String(SEED_IDS.projectAlpha + p.real);
      if (name === 'recordId' && p.real % 4 === 3) {
        return ids.requirement[p.real % ids.requirement.length]!;
      }
      const pool = kind ? ids[kind] : [];
      return pool.length ? pool[p.real % pool.length]! : 'none';
    };
    const fillPath = (route: string, params: Record<string, Param>) =>
      route
        .slice(route.indexOf(' ') + 1)
        .replace(/:(\w+)/g, (_, name: string) => resolveParam(name, params[name]!));
    const fillIds = (text: string) => {
      const pool = bodyIds();
      return text.replace(REAL_ID_PATTERN, (_, n: string) => pool[Number(n) % pool.length]!);
    };

    async function browserFor(actor: Actor): Promise<Browser> {
      if (actor === 'fresh') {
        lastRefused = undefined; // signing in writes a session
        const fresh = app.client();
        await fresh.login('owner@tandem.demo');
        return fresh;
      }
      return actor === 'no-csrf' ? browsers.noCsrf : browsers[actor];
    }

    type Failure = { route: string; status: number; request: string; answer: string };
    const failures: Failure[] = [];
    const statuses_: Record<string, number> = {};
    let bodies = 0;
    let refused = 0;
    let lastRefused: Record<string, number> | undefined;

    /** Sends one request; checks the answer's status and, when refused, the row counts. */
    async function check(
      route: string,
      send: () => Response | Promise<Response>,
      describe: string,
      allowedLogRows = 0,
    ) {
      // Webhook changes an earlier request queued are applied in the background: let them land
      // first, so they are not counted as this request's writes.
      await app.deps.webhookInbox.drained();
      // After a refused request the database is as it was: its snapshot is the next one's before.
      const before = lastRefused ?? (await snapshot());
      lastRefused = undefined;
      // Rows stamped in this millisecond may be an earlier request's; this one starts in the next.
      const now = Date.now();
      while (Date.now() === now) {}
      const since = new Date(now + 1).toISOString();
      const res = await send();
      const answer = await res.text();
      statuses_[res.status] = (statuses_[res.status] ?? 0) + 1;
      if (res.status >= 500) {
        failures.push({
          route,
          status: res.status,
          request: describe,
          answer: answer.slice(0, 300),
        });
        return res.status;
      }
      if (res.status >= 400) {
        refused++;
        const after = await snapshot();
        const changed = Object.keys(before).filter((k) => after[k] !== before[k]);
        if (changed.length === 0) lastRefused = after;
        const logged = await logRowsSince(since);
        if (logged > allowedLogRows) changed.push('integration_log');
        if (changed.length > 0) {
          failures.push({
            route,
            status: res.status,
            request: describe,
            answer: `wrote ${changed.map((k) => (k === 'integration_log' ? `${logged} log rows` : `${k} ${before[k]}→${after[k]}`)).join(', ')}: ${answer.slice(0, 200)}`,
          });
        }
      }
      // A record deleted by a successful request is replaced, so later cases still find one.
      if (res.status < 300 && route.startsWith('DELETE ')) {
        for (const kind of kinds) {
          ids[kind] = await alive(kind);
          if (ids[kind].length >= 2) continue;
          // A fuzzed request may have made a custom field required; records made here leave it
          // empty, so the harness relaxes such fields first.
          await database.db
            .updateTable('custom_field_definitions')
            .set({ required: false } as never)
            .where('workspace_id', '=', workspaceId)
            .execute();
          ids[kind].push(await create[kind]());
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      return res.status;
    }

    /** The ids of `kind` still there (a DELETE, or a cascade, may have removed some). */
    async function alive(kind: Kind): Promise<string[]> {
      const table: Record<Kind, string> = {
        workspace: 'workspaces',
        release: 'releases',
        initiative: 'initiatives',
        feature: 'features',
        requirement: 'requirements',
        field: 'custom_field_definitions',
        attachment: 'attachments',
        integration: 'integrations',
        template: 'integration_templates',
      };
      if (ids[kind].length === 0) return [];
      const rows = await database.db
        .selectFrom(table[kind] as 'features')
        .select('id')
        .where('id', 'in', ids[kind])
        .execute();
      const there = new Set(rows.map((r) => (r as { id: string }).id));
      return ids[kind].filter((id) => there.has(id));
    }

    const started = performance.now();
    const webhookShare = Math.round(BODIES_PER_DIALECT / 10);

    await fc.assert(
      fc.asyncProperty(routeCase, async (c) => {
        const browser = await browserFor(c.actor);
        const path = fillPath(c.route, c.params);
        const method = c.route.slice(0, c.route.indexOf(' '));
        const body = c.body === undefined ? undefined : fillIds(c.body);
        bodies++;
        await check(
          c.route,
          () =>
            browser.request(
              method,
              path,
              body,
              body === undefined
                ? {}
                : {
                    'content-type': 'application/json',
                  },
            ) as unknown as Promise<Response>,
          `${c.actor} ${method} ${path} ${body === undefined ? '(no body)' : body.slice(0, 300)}`,
        );
      }),
      { numRuns: BODIES_PER_DIALECT - webhookShare, seed: dialect === 'sqlite' ? 14 : 1414 },
    );

    await fc.assert(
      fc.asyncProperty(webhookCase, async (c) => {
        const integrationId = resolveParam('integrationId', c.params.integrationId);
        const row =
          'real' in c.params.integrationId
            ? await integrationsRepository(database.db).find(integrationId)
            : null;
        let secret = '';
        try {
          secret = row ? (openWebhook(app.deps.secrets, row)?.secret ?? '') : '';
        } catch {
          secret = '';
        }
        const token = {
          none: '',
          wrong: '?tandem_token=forged-token',
          empty: '?tandem_token=',
          real: `?tandem_token=${encodeURIComponent(secret)}`,
          'real+wrong': `?tandem_token=forged&tandem_token=${encodeURIComponent(secret)}`,
        }[c.token];
        const path = `/api/webhooks/${integrationId}${token}`;
        bodies++;
        // A delivery that proves its registration's secret may log why it was not taken.
        await check(
          WEBHOOK,
          () =>
            app.app.request(`${ORIGIN}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: c.body,
            }),
          `webhook ${c.token} ${path.replace(secret || '\u0000', '<secret>')} ${c.body.slice(0, 300)}`,
          c.token === 'real' && secret ? 1 : 0,
        );
      }),
      { numRuns: webhookShare, seed: dialect === 'sqlite' ? 41 : 4141 },
    );

    await fc.assert(
      fc.asyncProperty(getCase, async (c) => {
        const browser = await browserFor(c.actor);
        const query = new URLSearchParams(c.query as Record<string, string>).toString();
        const path = `${fillPath(c.route, c.params)}${query ? `?${query}` : ''}`;
        await check(
          c.route,
          () => browser.request('GET', path) as unknown as Promise<Response>,
          `${c.actor} GET ${path}`,
        );
      }),
      { numRuns: GETS_PER_DIALECT, seed: dialect === 'sqlite' ? 7 : 77 },
    );

    const seconds = (performance.now() - started) / 1000;
    console.info(
      `[${dialect}] ${bodies} bodies + ${GETS_PER_DIALECT} GETs over ${routes.length} routes in ${seconds.toFixed(1)} s; ${refused} refused; statuses ${JSON.stringify(statuses_)}`,
    );
    await app.close();

    // One example per route and status, so a report reads as a list of bugs, not of cases.
    const distinct = new Map<string, Failure>();
    for (const f of failures) {
      const key = `${f.route} ${f.status} ${f.answer.slice(0, 60)}`;
      if (!distinct.has(key)) distinct.set(key, f);
    }
    expect([...distinct.values()]).toEqual([]);
    expect(bodies).toBe(BODIES_PER_DIALECT);
  });
});
