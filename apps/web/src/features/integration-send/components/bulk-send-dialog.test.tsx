import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithQueryClient } from '@/testing/test-utils';
import { BulkSendDialog } from './bulk-send-dialog';

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  // jsdom has no EventSource; the progress stream is not under test here.
  vi.stubGlobal(
    'EventSource',
    class {
      readyState = 0;
      addEventListener() {}
      close() {}
    },
  );
});
afterEach(() => vi.unstubAllGlobals());

const plan = (extra: object = {}) => ({
  batchId: null,
  creates: 2,
  updates: 0,
  links: 0,
  skipped: 1,
  blocked: false,
  warnings: [],
  summary: 'Create 2 features; skip 1 already up to date or not sendable',
  ...extra,
});

function answer(sendBody: object, sendStatus = 200) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url.endsWith('/integrations/enabled'))
      return jsonResponse(200, { integrations: [{ id: 'i1', name: 'Rally', system: 'rally' }] });
    if (url.endsWith('/integrations/i1/sends')) {
      const body = JSON.parse(String(init?.body));
      return body.dryRun ? jsonResponse(200, sendBody) : jsonResponse(sendStatus, sendBody);
    }
    return jsonResponse(200, { links: [] });
  });
}

function open() {
  return renderWithQueryClient(
    <MemoryRouter>
      <BulkSendDialog
        workspaceId="w1"
        title="Send 3 features"
        selection={{ featureIds: ['f1', 'f2', 'f3'] }}
        items={['f1', 'f2', 'f3'].map((id, i) => ({ id, referenceNum: `APP-${i + 1}`, name: id }))}
        onClose={() => {}}
        logHref={() => null}
      />
    </MemoryRouter>,
  );
}

describe('BulkSendDialog', () => {
  it('shows the dry-run plan first and sends only when confirmed', async () => {
    answer(plan());
    open();
    expect(await screen.findByText(/Create 2 features; skip 1/)).toBeTruthy();
    const sends = () =>
      fetchMock.mock.calls
        .filter(([u]) => String(u).endsWith('/sends'))
        .map(([, i]) => JSON.parse(String(i?.body)));
    expect(sends()).toEqual([{ featureIds: ['f1', 'f2', 'f3'], dryRun: true }]);

    fireEvent.click(screen.getByRole('button', { name: 'Send to Rally' }));
    expect(await screen.findByRole('progressbar', { name: 'Sending to Rally' })).toBeTruthy();
    expect(sends().at(-1)).toEqual({ featureIds: ['f1', 'f2', 'f3'], dryRun: false });
  });

  it('lists why a blocked plan cannot go, and offers no way to send it', async () => {
    answer(
      plan({
        blocked: true,
        warnings: [
          {
            referenceNum: 'APP-2',
            severity: 'error',
            message: 'Rally requires Owner, which is not mapped',
          },
          { referenceNum: 'APP-3', severity: 'warning', message: 'Description is long' },
        ],
      }),
    );
    open();
    const warnings = await screen.findByRole('list', { name: 'Warnings' });
    expect(warnings.textContent).toMatch(/APP-2.*Owner.*APP-3/);
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Send to Rally' }) as HTMLButtonElement).disabled,
      ).toBe(true),
    );
    expect(screen.getByRole('alert').textContent).toContain('Nothing can be sent');
  });
});
