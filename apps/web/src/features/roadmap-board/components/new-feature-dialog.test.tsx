import type { CustomFieldDefinition, Release, WorkflowStatus } from '@tandem/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithQueryClient } from '@/testing/test-utils';
import { NewFeatureDialog } from './new-feature-dialog';

const release: Release = {
  id: 'r1',
  workspaceId: 'w1',
  referenceNum: 'APP-R-1',
  name: '2.4',
  startDate: null,
  releaseDate: null,
  statusId: 'rs1',
  parkingLot: false,
  position: 0,
  version: 1,
  createdAt: '',
  updatedAt: '',
};
const status: WorkflowStatus = {
  id: 's1',
  name: 'Under consideration',
  category: 'not_started',
  color: '#999',
  position: 0,
};
const impact: CustomFieldDefinition = {
  id: 'cf1',
  recordType: 'feature',
  key: 'impact',
  label: 'Customer impact',
  type: 'select',
  options: ['High', 'Low'],
  required: true,
  position: 0,
};

function renderDialog(onCreated = vi.fn()) {
  renderWithQueryClient(
    <NewFeatureDialog
      workspaceId="w1"
      open
      onClose={vi.fn()}
      onCreated={onCreated}
      releases={[release]}
      statuses={[status]}
      customFields={[impact]}
      defaults={{}}
    />,
  );
  return { onCreated };
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create feature' }));

describe('NewFeatureDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the name and the required custom field before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderDialog();
    submit();
    expect(await screen.findByText('Name is required')).toBeTruthy();
    expect(screen.getByText('Customer impact is required')).toBeTruthy();
    expect(screen.getByLabelText(/Customer impact/).getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the field messages of a 400 beside their fields', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          error: {
            code: 'validation_failed',
            message: 'Check the highlighted fields',
            details: {
              fields: [{ path: 'customFields.impact', message: 'Pick one of High, Low' }],
            },
          },
        }),
      ),
    );
    renderDialog();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Dark mode' } });
    fireEvent.change(screen.getByLabelText(/Customer impact/), { target: { value: 'High' } });
    submit();
    expect(await screen.findByText('Pick one of High, Low')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Check the highlighted fields.');
  });

  it('sends the feature with its custom fields and hands back what the server made', async () => {
    const created = {
      id: 'f1',
      workspaceId: 'w1',
      referenceNum: 'APP-7',
      name: 'Dark mode',
      descriptionHtml: '',
      statusId: 's1',
      releaseId: 'r1',
      initiativeId: null,
      assigneeId: null,
      tags: [],
      score: null,
      customFields: { impact: 'High' },
      rank: 1,
      version: 1,
      createdAt: '',
      updatedAt: '',
    };
    const fetch = vi.fn(async () => jsonResponse(201, created));
    vi.stubGlobal('fetch', fetch);
    const { onCreated } = renderDialog();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' Dark mode ' } });
    fireEvent.change(screen.getByLabelText(/Customer impact/), { target: { value: 'High' } });
    submit();
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/workspaces/w1/features');
    expect(JSON.parse(String(init.body))).toEqual({
      name: 'Dark mode',
      releaseId: 'r1',
      statusId: 's1',
      customFields: { impact: 'High' },
    });
  });
});
