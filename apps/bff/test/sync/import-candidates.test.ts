import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { incomingSuite, mappingsWithStatuses } from './incoming-support.ts';

/**
 * With *Automatically import new records* off, new Rally records under linked parents wait as
 * candidates; the owner imports or dismisses each, and each is settled once.
 */
describeEachDialect('Import candidates', (handle) => {
  const suite = incomingSuite(handle);

  it('lists new stories, imports one under its feature, dismisses the other, once each', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses), {
      importNewRecords: false,
    });
    const feature = await ws.linkedFeature(integrationId, 'Reports');
    const wanted = suite.env.createInRally('HierarchicalRequirement', {
      Name: 'Export to CSV',
      PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
    });
    const unwanted = suite.env.createInRally('HierarchicalRequirement', {
      Name: 'Print preview',
      PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
    });
    await suite.env.settle();
    const url = `${ws.base}/integrations/${integrationId}/import-candidates`;
    const listed = await (await ws.browser.request('GET', url)).json();
    // In the order Rally's deliveries arrived.
    listed.candidates.sort((a: { name: string }, b: { name: string }) =>
      a.name.localeCompare(b.name),
    );
    expect(listed.candidates).toMatchObject(
      [
        {
          remoteId: String(wanted?.oid),
          formattedId: wanted?.values.FormattedID,
          name: 'Export to CSV',
          recordKind: 'requirement',
          parentLabel: expect.stringMatching(/^I\w+-\d+$/),
        },
        { remoteId: String(unwanted?.oid), name: 'Print preview' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect((await ws.feature(feature.id)).requirements).toEqual([]);

    // Renamed in Rally meanwhile: the import takes what Rally holds now.
    suite.env.editInRally(`/hierarchicalrequirement/${wanted?.oid}`, {
      Name: 'Export to CSV and XLSX',
    });
    await suite.env.settle();
    const imported = await ws.browser.request('POST', `${url}/${wanted?.oid}/import`);
    expect(imported.status, await imported.clone().text()).toBe(201);
    const made = await imported.json();
    expect(made).toMatchObject({ recordKind: 'requirement', referenceNum: expect.any(String) });
    const [requirement] = (await ws.feature(feature.id)).requirements;
    expect(requirement).toMatchObject({ id: made.recordId, name: 'Export to CSV and XLSX' });
    expect((await ws.links('requirement', made.recordId))[0]).toMatchObject({
      state: 'linked',
      formattedId: wanted?.values.FormattedID,
    });

    const dismissed = await ws.browser.request('POST', `${url}/${unwanted?.oid}/dismiss`);
    expect(dismissed.status).toBe(204);
    expect((await (await ws.browser.request('GET', url)).json()).candidates).toEqual([]);

    // Settled once: a second import or dismissal is refused and changes nothing.
    const again = await ws.browser.request('POST', `${url}/${wanted?.oid}/import`);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/was already imported/);
    const undo = await ws.browser.request('POST', `${url}/${unwanted?.oid}/import`);
    expect(undo.status).toBe(409);
    expect((await ws.feature(feature.id)).requirements).toHaveLength(1);
    // A dismissed story changed again in Rally is not listed again.
    suite.env.editInRally(`/hierarchicalrequirement/${unwanted?.oid}`, {
      Name: 'Print preview v2',
    });
    await suite.env.settle();
    expect((await (await ws.browser.request('GET', url)).json()).candidates).toEqual([]);

    const messages = (await ws.log(integrationId)).map((l) => l.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /chose to import US\d+; imported US\d+ "Export to CSV and XLSX" as requirement/,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/dismissed import candidate US\d+ "Print preview"; it stays out/),
    );
  });

  it('refuses a candidate that is not there, or gone from Rally, with a clear message', {
    timeout: 30_000,
  }, async () => {
    const ws = await suite.env.workspace();
    const integrationId = await ws.enableRally(mappingsWithStatuses(ws.statuses), {
      importNewRecords: false,
    });
    const feature = await ws.linkedFeature(integrationId, 'Search');
    const url = `${ws.base}/integrations/${integrationId}/import-candidates`;
    const missing = await ws.browser.request('POST', `${url}/123456/import`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('Import candidate not found');

    const story = suite.env.createInRally('HierarchicalRequirement', {
      Name: 'Fuzzy matching',
      PortfolioItem: `/portfolioitem/feature/${feature.remoteId}`,
    });
    await suite.env.settle();
    await fetch(`${suite.sim.url}/slm/webservice/v2.0/hierarchicalrequirement/${story?.oid}`, {
      method: 'DELETE',
      headers: { zsessionid: '_tandemRallySimAdminKey000000000000000000' },
    });
    await suite.env.settle();
    // Rally's deletion webhook took it off the list; importing it by id is refused.
    expect((await (await ws.browser.request('GET', url)).json()).candidates).toEqual([]);
    const gone = await ws.browser.request('POST', `${url}/${story?.oid}/import`);
    expect(gone.status).toBe(409);
    expect((await gone.json()).error.message).toMatch(/was already dismissed/);
    expect((await ws.feature(feature.id)).requirements).toEqual([]);
    expect((await (await ws.browser.request('GET', url)).json()).candidates).toEqual([]);
  });
});
