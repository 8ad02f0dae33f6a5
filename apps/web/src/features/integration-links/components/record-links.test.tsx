import type { RecordLink } from '@tandem/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackerPresentation } from '@/testing/connector-presentations';
import { jsonResponse, renderWithQueryClient } from '@/testing/test-utils';
import { RecordLinks } from './record-links';

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const link = (extra: Partial<RecordLink>): RecordLink => ({
  integrationId: 'int-1',
  integrationName: 'Tracker – Mobile',
  system: 'azure_devops',
  state: 'unlinked',
  formattedId: null,
  url: null,
  lastError: null,
  lastLogId: null,
  ...extra,
});

function show(links: RecordLink[], canResolve = false) {
  fetchMock.mockImplementation(async (input) =>
    String(input) === '/api/connectors'
      ? jsonResponse(200, { connectors: [trackerPresentation] })
      : jsonResponse(200, { links }),
  );
  return renderWithQueryClient(
    <MemoryRouter>
      <RecordLinks
        workspaceId="w1"
        recordType="feature"
        recordId="f1"
        logHref={(l) => (l.lastLogId ? `/log?entry=${l.lastLogId}` : null)}
        canResolve={canResolve}
      />
    </MemoryRouter>,
  );
}

const conflict = link({
  state: 'conflict',
  formattedId: 'F42',
  url: 'http://tracker/f/42',
  conflict: [{ field: 'name', label: 'Name', ours: 'Dark mode', theirs: 'Dark theme' }],
});

describe('RecordLinks', () => {
  it('asks for the links of the record', async () => {
    show([link({})]);
    expect(await screen.findByText('Not sent yet')).toBeTruthy();
    expect(fetchMock.mock.calls.map((call) => String(call[0]))).toContain(
      '/api/workspaces/w1/links/feature/f1',
    );
  });

  it('shows the FormattedID as a link to the remote record', async () => {
    show([link({ state: 'linked', formattedId: 'F42', url: 'http://rally/slm/#/detail/f/42' })]);
    const chip = await screen.findByRole('link', { name: 'F42, open in Tracker' });
    expect(chip.getAttribute('href')).toBe('http://rally/slm/#/detail/f/42');
    expect(chip.getAttribute('target')).toBe('_blank');
  });

  it('shows progress while the create is in flight', async () => {
    show([link({ state: 'create_pending' })]);
    expect(
      await screen.findByRole('progressbar', { name: 'Sending to Tracker – Mobile…' }),
    ).toBeTruthy();
  });

  it('shows a failed send with its message and a link to the log entry', async () => {
    show([link({ state: 'failed', lastError: 'Name: is required', lastLogId: 77 })]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not send to Tracker – Mobile');
    expect(alert.textContent).toContain('Name: is required');
    expect(screen.getByRole('link', { name: 'View log entry' }).getAttribute('href')).toBe(
      '/log?entry=77',
    );
  });

  it('says so when the workspace has no integration', async () => {
    show([]);
    expect(await screen.findByText('Not linked to any integration yet')).toBeTruthy();
  });

  it('shows a conflict with both values, and keeps Tandem’s when asked', async () => {
    show([conflict], true);
    const group = await screen.findByRole('region', { name: 'Changed in Tandem and in Tracker' });
    expect(group.textContent).toContain('In TandemDark mode');
    expect(group.textContent).toContain('In TrackerDark theme');
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep Tandem’s' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) =>
            String(url) === '/api/workspaces/w1/links/feature/f1/int-1/resolve' &&
            init?.method === 'POST' &&
            init.body === JSON.stringify({ keep: 'roadmap' }),
        ),
      ).toBe(true),
    );
  });

  it('shows a conflict to a viewer without the choices', async () => {
    show([conflict]);
    await screen.findByRole('region', { name: 'Changed in Tandem and in Tracker' });
    expect(screen.queryByRole('button', { name: /Keep|Take/ })).toBeNull();
  });

  it('shows changes waiting for approval, and approves them when asked', async () => {
    show(
      [link({ state: 'awaiting_approval', formattedId: 'F42', approval: ['name', 'description'] })],
      true,
    );
    const panel = await screen.findByRole('region', {
      name: 'Changes waiting for approval: Name, Description',
    });
    expect(panel).toBeTruthy();
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(
        fetchMock.mock.calls.some(
          ([url, init]) =>
            String(url) === '/api/workspaces/w1/links/feature/f1/int-1/approval' &&
            init?.method === 'POST' &&
            init.body === JSON.stringify({ decision: 'approve' }),
        ),
      ).toBe(true),
    );
  });

  it('shows changes waiting for approval to a viewer without the choices', async () => {
    show([link({ state: 'awaiting_approval', formattedId: 'F42', approval: ['name'] })]);
    await screen.findByRole('region', { name: 'Changes waiting for approval: Name' });
    expect(screen.queryByRole('button', { name: /Approve|Reject/ })).toBeNull();
  });
});
