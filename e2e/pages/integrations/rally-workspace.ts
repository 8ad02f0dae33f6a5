import { type APIRequestContext, type APIResponse, expect } from '@playwright/test';
import { RALLY_TEST_MAPPINGS, rallyTwoWayMappings } from '@tandem/testkit';

/** The simulator's seeded Rally workspace and project (`SEED_IDS` of `@tandem/sim-rally`). */
const RALLY_WORKSPACE = { id: '2000000001', name: 'Acme' };
export const RALLY_PROJECT = { id: '3000000002', name: 'Alpha' };
/** The simulator's seeded admin API key (`DEFAULT_ADMIN_API_KEY`). */
const RALLY_API_KEY = '_tandemRallySimAdminKey000000000000000000';

/** Release → Release, feature → PortfolioItem/Feature (under its release), requirement → story. */
const RALLY_MAPPINGS = RALLY_TEST_MAPPINGS;

type SendMode = 'auto' | 'approve';

export interface SeededFeature {
  id: string;
  referenceNum: string;
  name: string;
}

/**
 * What the send flows need, made through the same API the wizard uses: an enabled Rally
 * integration on the simulator, and a release of fresh features of their own.
 */
export class RallyWorkspace {
  readonly simulatorUrl: string;
  readonly #api: APIRequestContext;
  #csrf = '';
  #login!: APIResponse;
  workspaceId = '';

  constructor(api: APIRequestContext, simulatorUrl: string) {
    this.#api = api;
    this.simulatorUrl = simulatorUrl;
  }

  async signIn(email: string, password: string, workspaceKey: string): Promise<void> {
    const login = await this.#api.post('/api/auth/login', { data: { email, password } });
    expect(login.status(), 'signing in for the fixture').toBe(200);
    this.#login = login;
    const session = await login.json();
    this.#csrf = session.csrfToken;
    this.workspaceId = session.workspaces.find((w: { key: string }) => w.key === workspaceKey).id;
  }

  /** One call to the workspace's API as the signed-in user (for subclasses: other systems). */
  protected async call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    path: string,
    data?: unknown,
  ): Promise<T> {
    const response = await this.#api.fetch(`/api/workspaces/${this.workspaceId}${path}`, {
      method,
      ...(data === undefined ? {} : { data }),
      headers: { 'x-csrf-token': this.#csrf },
    });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  /** A two-way Rally integration (`rallyTwoWayMappings` with this workspace's statuses); its id. */
  async enableTwoWayRallyIntegration(
    name: string,
    options: { sendMode?: SendMode; apiKey?: string; importNewRecords?: boolean } = {},
  ): Promise<string> {
    const { workflows } = await this.call<{
      workflows: { recordType: string; statuses: { id: string; name: string }[] }[];
    }>('GET', '/workflows');
    const mappings = rallyTwoWayMappings(
      (kind, name) =>
        workflows.find((w) => w.recordType === kind)!.statuses.find((s) => s.name === name)!.id,
    );
    return this.enableRallyIntegration(name, mappings, options);
  }

  /** Sends features through an integration and waits until each is linked; returns Rally's ids. */
  async sendAndLink(
    integrationId: string,
    features: SeededFeature[],
  ): Promise<{ formattedId: string; remoteId: string }[]> {
    await this.call('POST', `/integrations/${integrationId}/sends`, {
      featureIds: features.map((f) => f.id),
    });
    const out: { formattedId: string; remoteId: string }[] = [];
    for (const feature of features) {
      let link: { formattedId: string | null; url: string | null } | undefined;
      await expect
        .poll(
          async () => {
            const { links } = await this.call<{
              links: { integrationId: string; formattedId: string | null; url: string | null }[];
            }>('GET', `/links/feature/${feature.id}`);
            link = links.find((l) => l.integrationId === integrationId);
            return link?.formattedId ?? null;
          },
          { timeout: 15_000 },
        )
        .not.toBeNull();
      out.push({
        formattedId: link!.formattedId!,
        remoteId: (link!.url ?? '').split('/').at(-1) ?? '',
      });
    }
    return out;
  }

  /**
   * Creates, configures, connects and enables a Rally integration; returns its id. Edits of
   * linked records go out by themselves (`auto`) or once someone approves them (`approve`).
   */
  async enableRallyIntegration(
    name: string,
    mappings = RALLY_MAPPINGS,
    options: { sendMode?: SendMode; apiKey?: string; importNewRecords?: boolean } = {},
  ): Promise<string> {
    const created = await this.call<{ id: string; version: number }>('POST', '/integrations', {
      system: 'rally',
      name,
    });
    const account = await this.call<{ version: number }>('PATCH', `/integrations/${created.id}`, {
      version: created.version,
      settings: { accountUrl: this.simulatorUrl },
    });
    const connected = await this.call<{ version: number }>(
      'PUT',
      `/integrations/${created.id}/credentials/api-key`,
      { apiKey: options.apiKey ?? RALLY_API_KEY },
    );
    await this.call('PATCH', `/integrations/${created.id}`, {
      version: Math.max(account.version, connected.version),
      settings: {
        remoteWorkspace: RALLY_WORKSPACE,
        remoteProject: RALLY_PROJECT,
        recordMappings: mappings,
        sendMode: options.sendMode ?? 'auto',
        ...(options.importNewRecords === undefined
          ? {}
          : { importNewRecords: options.importNewRecords }),
      },
    });
    await this.call('POST', `/integrations/${created.id}/enable`, {});
    return created.id;
  }

  /** Attaches a file to a feature, as the drawer's upload does (multipart). */
  async attachFile(
    featureId: string,
    name: string,
    mimeType: string,
    buffer: Buffer,
  ): Promise<void> {
    const response = await this.#api.post(
      `/api/workspaces/${this.workspaceId}/features/${featureId}/attachments`,
      {
        multipart: { file: { name, mimeType, buffer } },
        // A form post must come from the app's own origin, as the drawer's does.
        headers: { 'x-csrf-token': this.#csrf, origin: new URL(this.#login.url()).origin },
      },
    );
    expect(response.status(), `attaching ${name}: ${await response.text()}`).toBe(201);
  }

  async createRelease(name: string): Promise<{ id: string; name: string }> {
    return this.call('POST', '/releases', {
      name,
      startDate: '2027-04-01',
      releaseDate: '2027-06-30',
    });
  }

  /** Features in `releaseId`, every required custom field filled. */
  async createFeatures(releaseId: string, names: string[]): Promise<SeededFeature[]> {
    const { fields } = await this.call<{
      fields: {
        recordType: string;
        key: string;
        type: string;
        options: string[];
        required: boolean;
      }[];
    }>('GET', '/custom-fields');
    const customFields = Object.fromEntries(
      fields
        .filter((f) => f.recordType === 'feature' && f.required)
        .map((f) => [
          f.key,
          f.options[0] ?? (f.type === 'number' ? 3 : f.type === 'date' ? '2027-06-30' : 'e2e'),
        ]),
    );
    const out: SeededFeature[] = [];
    for (const name of names) {
      out.push(
        await this.call<SeededFeature>('POST', '/features', {
          name,
          releaseId,
          descriptionHtml: `<p>${name}: sent by the e2e flow.</p>`,
          customFields,
        }),
      );
    }
    return out;
  }

  /**
   * Makes the simulator refuse the next create of the feature named `name` with a 400 (by name,
   * so a flow running beside this one is not hit); returns the rule's id.
   */
  async failNextFeatureCreate(name: string): Promise<string> {
    const response = await this.#api.post(`${this.simulatorUrl}/__sim/faults`, {
      data: {
        method: 'POST',
        path: 'portfolioitem/feature/create',
        bodyMatches: name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        action: 'status',
        status: 400,
        times: 1,
      },
    });
    expect(response.status()).toBe(201);
    return (await response.json()).id;
  }

  async removeFault(id: string): Promise<void> {
    await this.#api.delete(`${this.simulatorUrl}/__sim/faults/${id}`);
  }
}
