import type { Integration } from '@tandem/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackerPresentation } from '@/testing/connector-presentations';
import { jsonResponse, renderWithQueryClient } from '@/testing/test-utils';
import { IntegrationWizard } from './integration-wizard';

const workspace = { id: 'w1', key: 'APP', name: 'Mobile app' };
const integration: Integration = {
  id: 'i1',
  workspaceId: 'w1',
  system: 'azure_devops',
  name: 'Tracker – Mobile',
  templateId: null,
  state: 'draft',
  wizardStep: 'authorize',
  settings: { accountUrl: 'https://tracker.example/contoso' },
  connection: null,
  hasClientCertificate: false,
  accountLocked: false,
  lastSyncAt: null,
  lastError: null,
  incoming: { mode: 'polling', pollEverySeconds: 60, polledAt: null },
  version: 3,
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url === '/api/connectors') return jsonResponse(200, { connectors: [trackerPresentation] });
    if (url === '/api/workspaces/w1/integrations/i1') return jsonResponse(200, integration);
    if (url === '/api/integration-templates') return jsonResponse(200, { templates: [] });
    return jsonResponse(404, { error: { code: 'not_found', message: url } });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

function open(path: string) {
  return renderWithQueryClient(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route
          path="/w/:workspaceKey/settings/integrations/:integrationId/wizard/:step"
          element={<IntegrationWizard workspace={workspace} />}
        />
      </Routes>
    </MemoryRouter>,
  );
}

const noRally = () => expect(document.body.textContent).not.toMatch(/rally/i);

describe('the wizard shell walks the connector’s manifest', () => {
  it('shows only the declared steps, in the connector’s words, and never Rally’s', async () => {
    open('/w/APP/settings/integrations/i1/wizard/authorize');
    const step = await screen.findByRole('heading', { name: 'Paste a Tracker token' });
    expect(step).toBeTruthy();
    expect(screen.getByText('Step 3 of 7 · Token')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Setup steps' });
    expect([...nav.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      expect.stringContaining('Name'),
      expect.stringContaining('Organization'),
      expect.stringContaining('Token'),
      expect.stringContaining('Area path'),
      expect.stringContaining('Work item types'),
      expect.stringContaining('States'),
      expect.stringContaining('Enable'),
    ]);
    // No sign-in page: the token field is open, with the connector's Test connection button.
    expect(screen.queryByRole('button', { name: /Connect to|Connect again/ })).toBeNull();
    expect(screen.getByLabelText('Personal access token')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();
    expect(screen.getByText('https://tracker.example/contoso').tagName).toBe('STRONG');
    noRally();
  });

  it('labels the account step from the manifest and goes Back along the declared steps', async () => {
    open('/w/APP/settings/integrations/i1/wizard/account');
    expect(
      await screen.findByRole('heading', { name: 'Which Tracker organization?' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Organization')).toBeTruthy();
    expect(screen.getByText('https://tracker.example/contoso', { selector: 'code' })).toBeTruthy();
    noRally();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Name this integration' })).toBeTruthy();
    expect(screen.getByText('Name it after the Tracker team it sends to.')).toBeTruthy();
    noRally();
  });

  it('a step the connector does not declare is never opened: the saved step opens instead', async () => {
    open('/w/APP/settings/integrations/i1/wizard/workspace');
    expect(await screen.findByRole('heading', { name: 'Paste a Tracker token' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/workspace/i)).toBeNull());
  });

  it('a new integration takes its system and name from the manifest', async () => {
    open('/w/APP/settings/integrations/new/wizard/name?system=azure_devops');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Add a Tracker integration' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Integration name')).toHaveProperty('value', 'Tracker');
    noRally();
  });
});
