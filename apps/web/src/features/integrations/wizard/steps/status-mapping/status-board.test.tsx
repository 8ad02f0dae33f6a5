import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { StatusBoard } from './status-board';
import { type BoardColumns, boardFrom, UNMAPPED } from './utils/status-board';

const statuses = [
  { id: 's-new', name: 'Under consideration' },
  { id: 's-dev', name: 'In development' },
  { id: 's-done', name: 'Done' },
];
const states = ['Discovering', 'Developing', 'Measuring', 'Done'];

function Harness({ onChange }: { onChange?: (c: BoardColumns) => void }) {
  const [columns, setColumns] = useState(() => boardFrom(statuses, states, null));
  return (
    <StatusBoard
      remoteName="Tracker"
      statuses={statuses}
      columns={columns}
      stateOrder={states}
      onChange={(next) => {
        setColumns(next);
        onChange?.(next);
      }}
    />
  );
}

const zone = (name: string) => screen.getByRole('list', { name });

describe('StatusBoard', () => {
  it('shows Tandem statuses with their Tracker states and the unmapped ones apart', () => {
    render(<Harness />);
    expect(
      within(zone('Tracker states mapped to Done')).getByRole('button', {
        name: 'Tracker state Done',
      }),
    ).toBeTruthy();
    const unmapped = within(zone('Tracker states not mapped'));
    expect(
      unmapped.getAllByRole('button', { name: /^Tracker state / }).map((b) => b.textContent),
    ).toEqual(['Discovering', 'Developing', 'Measuring']);
  });

  it('groups two Tracker states under one status with the “Move to…” menu, and says so', () => {
    const seen: BoardColumns[] = [];
    render(<Harness onChange={(c) => seen.push(c)} />);
    for (const state of ['Developing', 'Measuring']) {
      fireEvent.click(screen.getByRole('button', { name: `Move ${state} to…` }));
      const menu = screen.getByRole('menu', { name: `Move ${state} to` });
      fireEvent.click(within(menu).getByRole('menuitemradio', { name: 'In development' }));
    }
    expect(seen.at(-1)?.['s-dev']).toEqual(['Developing', 'Measuring']);
    const mapped = within(zone('Tracker states mapped to In development'));
    expect(mapped.getAllByRole('button', { name: /^Tracker state / })).toHaveLength(2);
    expect(
      screen.getByText('Tracker state Measuring is now mapped to In development.'),
    ).toBeTruthy();
  });

  it('puts a state back among the unmapped ones in Tracker’s order', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Move Done to…' }));
    const menu = screen.getByRole('menu', { name: 'Move Done to' });
    expect(
      within(menu).getByRole('menuitemradio', { name: 'Done' }).getAttribute('aria-checked'),
    ).toBe('true');
    fireEvent.click(within(menu).getByRole('menuitemradio', { name: 'Not mapped' }));
    const unmapped = within(zone('Tracker states not mapped'));
    expect(
      unmapped.getAllByRole('button', { name: /^Tracker state / }).map((b) => b.textContent),
    ).toEqual(states);
    expect(UNMAPPED).toBe('unmapped');
  });

  it('every state can be picked up from the keyboard (a focusable drag handle with instructions)', () => {
    render(<Harness />);
    const chip = screen.getByRole('button', { name: 'Tracker state Developing' });
    expect(chip.getAttribute('tabindex')).toBe('0');
    expect(chip.getAttribute('aria-roledescription')).toBe('Tracker state');
    const help = document.getElementById(chip.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/press Space to pick it up/);
  });
});
