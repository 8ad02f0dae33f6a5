import { getIntegrationFields } from '@tandem/roadmap';
import { DEFAULT_ADMIN_API_KEY, SEED_IDS } from '@tandem/sim-rally';
import { integrationLogRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { RALLY_MAPPINGS } from '../sync/support.ts';
import { linkOf } from './feature-sends.ts';
import { rallySimulatorForSuite, rallyWebhooksOf, signedInOwner } from './suite-setup.ts';
import type { Browser } from './support.ts';

/**
 * Rally's webhooks reach Tandem over HTTP: each delivery is verified, deduplicated and logged; a
 * record deleted in Rally, or moved into a child project the integration excludes, loses its link.
 */
describeEachDialect('Rally webhooks in and out', (handle) => {
  const sim = rallySimulatorForSuite({
    webhookDelivery: { attempts: 2, baseDelayMs: 20, timeoutMs: 5000 },
  });
  const rallyHooks = (integrationId: string) => rallyWebhooksOf(sim, integrationId);

  async function integration(
    browser: Browser,
    base: string,
    name: string,
    excludeChildUpdates: boolean,
  ) {
    const created = await (await browser.request('POST', base, { system: 'rally', name })).json();
    await browser.request('PATCH', `${base}/${created.id}`, {
      version: created.version,
      settings: { accountUrl: sim.url },
    });
    const keyed = await (
      await browser.request('PUT', `${base}/${created.id}/credentials/api-key`, {
        apiKey: DEFAULT_ADMIN_API_KEY,
      })
    ).json();
    await browser.request('PATCH', `${base}/${created.id}`, {
      version: keyed.version,
      settings: {
        remoteWorkspace: { id: String(SEED_IDS.workspace), name: 'Acme Product Development' },
        remoteProject: { id: String(SEED_IDS.projectAlpha), name: 'Team Alpha' },
        excludeChildUpdates,
        recordMappings: RALLY_MAPPINGS,
      },
    });
    const enabled = await browser.request('POST', `${base}/${created.id}/enable`);
    expect(enabled.status).toBe(200);
    return created.id as string;
  }

  it('breaks the link of a record deleted in Rally or moved into an excluded child project', {
    timeout: 30_000,
  }, async () => {
    const { app, browser, workspace, base } = await signedInOwner(handle(), { listen: true });
    app.sync.worker.start();
    const excluding = await integration(browser, base, 'Alpha only', true);
    const including = await integration(browser, base, 'Alpha and children', false);
    // Rules cover Team Alpha and Alpha Mobile in both cases: a move into the child must be heard.
    expect(await rallyHooks(excluding)).toHaveLength(2);
    expect(
      (await rallyHooks(excluding))[0]!.TargetUrl.startsWith(`${app.publicUrl}/api/webhooks/`),
    ).toBe(true);

    const release = await (
      await browser.request('POST', `/api/workspaces/${workspace.id}/releases`, {
        name: 'Webhook release',
        startDate: '2027-01-04',
        releaseDate: '2027-03-26',
      })
    ).json();
    async function sent(integrationId: string, name: string) {
      const feature = await (
        await browser.request('POST', `/api/workspaces/${workspace.id}/features`, {
          name,
          releaseId: release.id,
        })
      ).json();
      await browser.request('POST', `${base}/${integrationId}/sends`, { featureIds: [feature.id] });
      await app.sync.worker.drained();
      const link = (await getIntegrationFields(handle().db, 'feature', feature.id))[integrationId];
      expect(link?.remoteId).toBeTruthy();
      return { id: feature.id as string, remoteId: String(link?.remoteId) };
    }
    const state = (integrationId: string, featureId: string) =>
      linkOf(browser, workspace.id, featureId, integrationId);
    const settle = async () => {
      await sim.simulator.control.flushWebhooks();
      await app.deps.webhookInbox.drained();
      await app.sync.worker.drained();
      await app.deps.webhookInbox.flushLog();
    };

    // Moved into the child project: with Exclude child updates the link breaks; without, it stays.
    const moved = await sent(excluding, 'Moves to Alpha Mobile');
    const kept = await sent(including, 'Also moves to Alpha Mobile');
    for (const f of [moved, kept]) {
      sim.simulator.control.actAs({
        user: 'dana.developer@acme.example',
        action: 'update',
        ref: `/portfolioitem/feature/${f.remoteId}`,
        data: { Project: `/project/${SEED_IDS.projectAlphaMobile}` },
      });
    }
    await settle();
    expect(await state(excluding, moved.id)).toMatchObject({
      state: 'link_broken',
      formattedId: null,
    });
    expect(await state(including, kept.id)).toMatchObject({
      state: 'linked',
      formattedId: expect.stringMatching(/^F/),
    });

    // Deleted in Rally: the link breaks, the roadmap feature stays.
    const deleted = await sent(excluding, 'Deleted in Rally');
    sim.simulator.control.actAs({
      user: 'dana.developer@acme.example',
      action: 'delete',
      ref: `/portfolioitem/feature/${deleted.remoteId}`,
    });
    await settle();
    expect(await state(excluding, deleted.id)).toMatchObject({ state: 'link_broken' });
    expect(
      (await browser.request('GET', `/api/workspaces/${workspace.id}/features/${deleted.id}`))
        .status,
    ).toBe(200);

    // Another change is brought in, once however often it is delivered.
    const renamed = await sent(excluding, 'Renamed in Rally');
    sim.simulator.control.setWebhookFaults({ duplicateRate: 1 });
    sim.simulator.control.actAs({
      user: 'dana.developer@acme.example',
      action: 'update',
      ref: `/portfolioitem/feature/${renamed.remoteId}`,
      data: { Name: 'Renamed by a developer' },
    });
    await settle();
    sim.simulator.control.setWebhookFaults({ duplicateRate: 0 });
    expect(await state(excluding, renamed.id)).toMatchObject({ state: 'linked' });
    expect(
      (
        await (
          await browser.request('GET', `/api/workspaces/${workspace.id}/features/${renamed.id}`)
        ).json()
      ).name,
    ).toBe('Renamed by a developer');
    const log = await integrationLogRepository(handle().db).list({
      integrationId: excluding,
      event: 'webhook',
    });
    const messages = log.map((l) => l.message);
    expect(messages.some((m) => /moved to a project this integration does not cover/.test(m))).toBe(
      true,
    );
    expect(messages.some((m) => /was deleted in the remote/.test(m))).toBe(true);
    expect(messages.some((m) => /\(Name, .*\); brought in name$/.test(m))).toBe(true);
    expect(messages.some((m) => /\d+ duplicate deliveries/.test(m))).toBe(true);
    // Tandem's own creates come back as deliveries too; one aggregated line counts them.
    expect(
      messages.some((m) => /^Received \d+ webhook changes? .*made by Tandem itself/.test(m)),
    ).toBe(true);

    // A delivery without the registration's token is refused and logged.
    const forged = await fetch(`${app.publicUrl}/api/webhooks/${excluding}?tandem_token=guess`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"message":{}}',
    });
    expect(forged.status).toBe(401);

    // Deleting the integration removes its webhooks and link fields, and keeps records and log.
    expect((await browser.request('DELETE', `${base}/${excluding}`)).status).toBe(204);
    expect(await rallyHooks(excluding)).toEqual([]);
    expect(
      (await getIntegrationFields(handle().db, 'feature', renamed.id))[excluding],
    ).toBeUndefined();
    expect(
      (await browser.request('GET', `/api/workspaces/${workspace.id}/features/${renamed.id}`))
        .status,
    ).toBe(200);
    expect(
      (await integrationLogRepository(handle().db).list({ integrationId: excluding })).length,
    ).toBeGreaterThan(0);
    await app.close();
  });
});
