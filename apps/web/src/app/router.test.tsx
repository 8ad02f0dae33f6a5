import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/lib/query';
import { jsonResponse } from '@/testing/test-utils';
import { createRoutes } from './router';

type Role = 'owner' | 'contributor' | 'viewer';

const sessionAs = (role: Role) => ({
  user: { id: 'u1', email: `${role}@tandem.demo`, name: `Demo ${role}` },
  workspaces: [
    { id: 'w1', name: 'Mobile App', key: 'APP', role },
    { id: 'w2', name: 'Platform', key: 'PLT', role },
  ],
  csrfToken: 'tok-123',
});

const unauthenticated = () =>
  jsonResponse(401, { error: { code: 'unauthenticated', message: 'Sign in first' } });

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

/** The BFF as far as the shell needs it: a session (or none) and logout. */
function serve(role: Role | null) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.endsWith('/api/auth/session')) {
      return role ? jsonResponse(200, sessionAs(role)) : unauthenticated();
    }
    if (url.endsWith('/api/auth/logout') && init?.method === 'POST') {
      return new Response(null, { status: 204 });
    }
    return jsonResponse(404, { error: { code: 'not_found', message: 'Not found' } });
  });
}

function renderAt(url: string) {
  const queryClient = createQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const location = () => router.state.location.pathname + router.state.location.search;
  return { router, location };
}

describe('routing and the shell', () => {
  it('sends a signed-out visitor to the login page, keeping where they were headed', async () => {
    serve(null);
    const { location } = renderAt('/w/PLT/releases');
    expect(await screen.findByRole('heading', { name: 'Sign in to Tandem' })).toBeTruthy();
    expect(location()).toBe('/login?next=%2Fw%2FPLT%2Freleases');
  });

  it('opens the first workspace’s features from /', async () => {
    serve('owner');
    const { location } = renderAt('/');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(location()).toBe('/w/APP/features');
    for (const name of ['Features', 'Releases', 'Integrations']) {
      expect(within(nav).getByRole('link', { name })).toBeTruthy();
    }
    expect(within(nav).getByRole('link', { name: 'Features' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it.each(['contributor', 'viewer'] as const)('hides Settings from a %s', async (role) => {
    serve(role);
    renderAt('/w/APP/releases');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByText('Settings')).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Integrations' })).toBeNull();
  });

  it('switches workspace from the switcher, keeping the section', async () => {
    serve('owner');
    const { location } = renderAt('/w/APP/releases');
    fireEvent.click(await screen.findByRole('button', { name: /^Workspace:\s*Mobile App/ }));
    const menu = screen.getByRole('menu', { name: 'Workspaces' });
    const current = within(menu).getByRole('menuitemradio', { name: /Mobile App/ });
    expect(current.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(current);
    fireEvent.click(within(menu).getByRole('menuitemradio', { name: /Platform/ }));
    await waitFor(() => expect(location()).toBe('/w/PLT/releases'));
    expect(screen.getByRole('button', { name: /^Workspace:\s*Platform/ })).toBeTruthy();
  });

  it('logs out from the user menu and lands on the login page', async () => {
    serve('owner');
    const { location } = renderAt('/w/APP/releases');
    fireEvent.click(await screen.findByRole('button', { name: /^Account:/ }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Tandem' })).toBeTruthy();
    expect(location()).toBe('/login');
    const logoutCall = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/auth/logout'));
    expect(new Headers(logoutCall?.[1]?.headers).get('x-csrf-token')).toBe('tok-123');
  });

  it('says so when the workspace in the URL is not one of yours', async () => {
    serve('owner');
    renderAt('/w/NOPE/releases');
    expect(await screen.findByRole('heading', { name: 'Workspace not found' })).toBeTruthy();
  });

  it('shows a not-found page for an unknown path', async () => {
    serve('owner');
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
  });
});
