import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { trackerPresentation } from '@/testing/connector-presentations';
import { stepStates } from '../utils/steps';
import { WizardStepper } from './wizard-stepper';

const steps = trackerPresentation.steps;
const ids = steps.map((s) => s.id);

describe('WizardStepper', () => {
  it('lists the connector’s steps in its words: done and reached ones linked, the rest locked', () => {
    render(
      <MemoryRouter>
        <WizardStepper
          steps={steps}
          states={stepStates(ids, 'authorize', { saved: 'project', finished: false })}
          hrefOf={(step) => `/wizard/${step}`}
        />
      </MemoryRouter>,
    );
    const nav = screen.getByRole('navigation', { name: 'Setup steps' });
    expect(nav.querySelectorAll('li')).toHaveLength(7);
    expect(screen.getByRole('link', { name: /Name.*\(done\)/ }).getAttribute('href')).toBe(
      '/wizard/name',
    );
    const current = screen.getByRole('link', { name: /Token.*\(current step\)/ });
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(screen.getByRole('link', { name: /Area path.*\(not finished yet\)/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Work item types/ })).toBeNull();
    expect(screen.getByText('Work item types').closest('[aria-disabled="true"]')).toBeTruthy();
    expect(nav.textContent).not.toMatch(/Rally|workspace/i);
  });
});
