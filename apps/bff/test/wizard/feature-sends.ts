import type { Browser } from './support.ts';

/** A new feature in a release of its own, sent to the integration; `send` is the API's answer. */
export async function sendFeature(
  browser: Browser,
  workspaceId: string,
  integrationId: string,
  name: string,
) {
  const release = await (
    await browser.request('POST', `/api/workspaces/${workspaceId}/releases`, {
      name: `${name} release`,
      startDate: '2027-04-05',
      releaseDate: '2027-06-25',
    })
  ).json();
  const feature = await (
    await browser.request('POST', `/api/workspaces/${workspaceId}/features`, {
      name,
      releaseId: release.id,
    })
  ).json();
  const send = await browser.request(
    'POST',
    `/api/workspaces/${workspaceId}/integrations/${integrationId}/sends`,
    { featureIds: [feature.id] },
  );
  return { id: feature.id as string, send };
}

/** The feature's link to one integration, as the drawer reads it. */
export async function linkOf(
  browser: Browser,
  workspaceId: string,
  featureId: string,
  integrationId: string,
) {
  const { links } = await (
    await browser.request('GET', `/api/workspaces/${workspaceId}/links/feature/${featureId}`)
  ).json();
  return links.find((l: { integrationId: string }) => l.integrationId === integrationId);
}
