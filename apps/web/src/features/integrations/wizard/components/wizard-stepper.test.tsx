import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { stepStates } from '../utils/steps';
import { WizardStepper } from './wizard-stepper';

describe('WizardStepper', () => {
  it('links done and reached steps, marks the open one, and locks the rest', () => {
    render(
      <MemoryRouter>
        <WizardStepper
          states={stepStates('workspace', { saved: 'project', finished: false })}
          hrefOf={(step) => `/wizard/${step}`}
        />
      </MemoryRouter>,
    );
    const nav = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(nav).toBeTruthy();
    expect(screen.getByRole('link', { name: /Name.*\(done\)/ }).getAttribute('href')).toBe(
      '/wizard/name',
    );
    const current = screen.getByRole('link', { name: /Rally workspace.*\(current step\)/ });
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(screen.getByRole('link', { name: /Rally project.*\(not finished yet\)/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Record mappings/ })).toBeNull();
    expect(screen.getByText('Record mappings').closest('[aria-disabled="true"]')).toBeTruthy();
  });
});
