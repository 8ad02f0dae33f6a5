import type { FeatureDetail } from '@tandem/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/test-utils';
import { AUTOSAVE_DELAY_MS } from '../utils/autosave';
import { useAutosave } from './use-autosave';

const feature: FeatureDetail = {
  id: 'f1',
  workspaceId: 'w1',
  referenceNum: 'APP-1',
  name: 'Offline mode',
  descriptionHtml: '<p>old</p>',
  statusId: 's1',
  releaseId: 'r1',
  initiativeId: null,
  assigneeId: null,
  tags: [],
  score: null,
  customFields: {},
  rank: 1,
  version: 3,
  createdAt: '',
  updatedAt: '',
  requirements: [],
  attachments: [],
};

function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(['workspaces', 'w1', 'features', 'detail', 'f1'], feature);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(() => useAutosave('w1', feature), { wrapper });
}

const flush = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
  });

describe('useAutosave', () => {
  let fetch: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows edits at once and sends them together after a quiet moment', async () => {
    fetch.mockResolvedValue(jsonResponse(200, { ...feature, name: 'Offline first', version: 4 }));
    const { result } = setup();
    act(() => result.current.edit({ name: 'Offline' }));
    act(() => result.current.edit({ name: 'Offline first' }));
    expect(result.current.values.name).toBe('Offline first');
    expect(result.current.state.status).toBe('pending');
    expect(fetch).not.toHaveBeenCalled();
    await flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/workspaces/w1/features/f1');
    expect(JSON.parse(String(init.body))).toEqual({ name: 'Offline first', version: 3 });
    expect(result.current.state).toMatchObject({ status: 'saved', version: 4 });
  });

  it('keeps the user’s text on a conflict and loads theirs on reload', async () => {
    const theirs = { ...feature, descriptionHtml: '<p>theirs</p>', version: 5 };
    fetch.mockResolvedValue(
      jsonResponse(409, {
        error: {
          code: 'conflict',
          message: 'Stale',
          details: { currentVersion: 5, current: theirs },
        },
      }),
    );
    const { result } = setup();
    act(() => result.current.edit({ descriptionHtml: '<p>mine</p>' }));
    await flush();
    expect(result.current.state.status).toBe('conflict');
    expect(result.current.values.descriptionHtml).toBe('<p>mine</p>');
    const editorKey = result.current.editorKey;
    act(() => result.current.reload());
    expect(result.current.state).toMatchObject({ status: 'idle', version: 5 });
    expect(result.current.editorKey).toBe(editorKey + 1);
  });

  it('overwrites with the version the server reported', async () => {
    fetch
      .mockResolvedValueOnce(
        jsonResponse(409, {
          error: {
            code: 'conflict',
            message: 'Stale',
            details: { currentVersion: 5, current: {} },
          },
        }),
      )
      .mockResolvedValueOnce(jsonResponse(200, { ...feature, name: 'Mine', version: 6 }));
    const { result } = setup();
    act(() => result.current.edit({ name: 'Mine' }));
    await flush();
    await act(async () => {
      result.current.overwrite();
      await vi.runAllTimersAsync();
    });
    const body = JSON.parse(String((fetch.mock.calls[1] as [string, RequestInit])[1].body));
    expect(body).toEqual({ name: 'Mine', version: 5 });
    expect(result.current.state).toMatchObject({ status: 'saved', version: 6 });
  });
});
