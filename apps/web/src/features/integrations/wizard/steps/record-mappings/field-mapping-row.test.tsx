import type { RecordMapping } from '@tandem/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { trackerPresentation } from '@/testing/connector-presentations';
import { WizardProvider } from '../../hooks/wizard-context';
import { FieldMappingRow } from './field-mapping-row';
import { newMapping } from './utils/mapping-editor';

const remoteFields = [
  {
    name: 'Name',
    label: 'Name',
    type: 'STRING',
    required: true,
    readOnly: false,
    allowedValues: null,
  },
  {
    name: 'c_Risk',
    label: 'Risk',
    type: 'STRING',
    required: false,
    readOnly: false,
    allowedValues: ['', 'High', 'Low'],
  },
  {
    name: 'State',
    label: 'State',
    type: 'STATE',
    required: false,
    readOnly: false,
    allowedValues: null,
  },
];
const roadmapFields = [
  { key: 'name', label: 'Name', options: [] },
  { key: 'custom:risk', label: 'Risk level', options: ['Red', 'Green'] },
];

const wizard = {
  workspace: { id: 'w1', key: 'APP', name: 'App' },
  integration: null,
  presentation: trackerPresentation,
  goTo: () => {},
};

function Harness({
  initial,
  onOpenStatuses = () => {},
}: {
  initial: RecordMapping;
  onOpenStatuses?: () => void;
}) {
  const [mapping, setMapping] = useState(initial);
  return (
    <WizardProvider value={wizard}>
      <table>
        <tbody>
          {mapping.fields.map((_f, i) => (
            <FieldMappingRow
              // biome-ignore lint/suspicious/noArrayIndexKey: test rows
              key={i}
              mapping={mapping}
              index={i}
              roadmapFields={roadmapFields}
              remoteFields={remoteFields}
              onChange={setMapping}
              onOpenStatuses={onOpenStatuses}
            />
          ))}
        </tbody>
        <caption data-testid="json">{JSON.stringify(mapping)}</caption>
      </table>
    </WizardProvider>
  );
}

const saved = () => JSON.parse(screen.getByTestId('json').textContent ?? '{}') as RecordMapping;

describe('the field mapping editor', () => {
  it('pairs Tandem values with Tracker values for a list field and shows what is left', () => {
    const mapping: RecordMapping = {
      ...newMapping('feature', 'PortfolioItem/Feature'),
      fields: [{ roadmapField: 'custom:risk', remoteField: 'c_Risk', direction: 'to_remote' }],
    };
    render(<Harness initial={mapping} />);
    fireEvent.click(screen.getByRole('button', { name: 'Values of Risk level' }));
    expect(screen.getByText('Tracker values nothing maps to yet: High, Low')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add value pair' }));
    expect(saved().fields[0]?.valueMap).toEqual([{ roadmap: 'Red', remote: 'High' }]);
    expect(screen.getByText('Tracker values nothing maps to yet: Low')).toBeTruthy();
  });

  it('changes direction, and forgets the value map when the Tracker field changes', () => {
    const mapping: RecordMapping = {
      ...newMapping('feature', 'PortfolioItem/Feature'),
      fields: [
        {
          roadmapField: 'custom:risk',
          remoteField: 'c_Risk',
          direction: 'to_remote',
          valueMap: [{ roadmap: 'Red', remote: 'High' }],
        },
      ],
    };
    render(<Harness initial={mapping} />);
    fireEvent.change(screen.getByLabelText('Direction for Risk level'), {
      target: { value: 'both' },
    });
    expect(saved().fields[0]?.direction).toBe('both');
    fireEvent.change(screen.getByLabelText('Tracker field for Risk level'), {
      target: { value: 'Name' },
    });
    expect(saved().fields[0]).toEqual({
      roadmapField: 'custom:risk',
      remoteField: 'Name',
      direction: 'both',
    });
  });

  it('the Status row has the ⚙ that opens the status mapping, and its Tracker field moves the mapping', () => {
    const open = vi.fn();
    const mapping: RecordMapping = {
      ...newMapping('feature', 'PortfolioItem/Feature'),
      fields: [{ roadmapField: 'status', remoteField: 'State', direction: 'from_remote' }],
      status: { remoteField: 'State', groups: [{ roadmapStatusId: 's1', remoteStates: ['Done'] }] },
    };
    render(<Harness initial={mapping} onOpenStatuses={open} />);
    fireEvent.click(screen.getByRole('button', { name: 'Map statuses for Feature' }));
    expect(open).toHaveBeenCalledOnce();
    expect(screen.getByText('Statuses · 1 mapped')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remove the Status mapping' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Tracker field for Status'), {
      target: { value: 'Name' },
    });
    expect(saved().status).toEqual({
      remoteField: 'Name',
      groups: [{ roadmapStatusId: 's1', remoteStates: ['Done'] }],
    });
  });
});
