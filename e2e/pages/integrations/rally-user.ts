import { type APIRequestContext, expect } from '@playwright/test';

/** The simulator's seeded admin API key (`DEFAULT_ADMIN_API_KEY`), for reading what Rally holds. */
const RALLY_API_KEY = '_tandemRallySimAdminKey000000000000000000';

/**
 * Someone working in Rally (not Tandem's Rally user), editing through the simulator's control
 * API as if in Rally's own UI: Rally's webhooks tell Tandem, with this user as the author.
 */
export class RallyUser {
  readonly #api: APIRequestContext;
  readonly #simulatorUrl: string;
  readonly user: string;

  constructor(api: APIRequestContext, simulatorUrl: string, user = 'dana.developer@acme.example') {
    this.#api = api;
    this.#simulatorUrl = simulatorUrl;
    this.user = user;
  }

  /** Changes fields of a Rally feature, e.g. `{ State: 'Developing' }` or `{ Name: '…' }`. */
  async changeFeature(remoteId: string, data: Record<string, unknown>): Promise<void> {
    const response = await this.#api.post(`${this.#simulatorUrl}/__sim/act-as`, {
      data: { user: this.user, action: 'update', ref: `/portfolioitem/feature/${remoteId}`, data },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }

  /** Creates a story under a Rally feature, in `projectId`; returns its FormattedID. */
  async createStory(featureRemoteId: string, name: string, projectId: string): Promise<string> {
    const response = await this.#api.post(`${this.#simulatorUrl}/__sim/act-as`, {
      data: {
        user: this.user,
        action: 'create',
        type: 'HierarchicalRequirement',
        data: {
          Name: name,
          Project: `/project/${projectId}`,
          PortfolioItem: `/portfolioitem/feature/${featureRemoteId}`,
        },
      },
    });
    expect(response.ok(), await response.text()).toBe(true);
    return String((await response.json()).Object.FormattedID);
  }

  /** What Rally holds for a feature now (read with the admin's key). */
  async feature(remoteId: string): Promise<{ Name: string; VersionId: string }> {
    const response = await this.#api.get(
      `${this.#simulatorUrl}/slm/webservice/v2.0/portfolioitem/feature/${remoteId}?fetch=Name,VersionId`,
      { headers: { zsessionid: RALLY_API_KEY } },
    );
    expect(response.ok()).toBe(true);
    return (await response.json()).Feature;
  }
}
