import { WIZARD_STEPS } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import { trackerPresentation } from '@/testing/connector-presentations';
import { canOpen, laterStep, nextStepOf, previousStepOf, resumeTarget, stepStates } from './steps';

const all = WIZARD_STEPS;
const short = trackerPresentation.steps.map((s) => s.id);

describe('wizard steps', () => {
  it('walks the eight steps in order', () => {
    expect(nextStepOf(all, 'name')).toBe('account');
    expect(nextStepOf(all, 'mappings')).toBe('statuses');
    expect(nextStepOf(all, 'enable')).toBeNull();
    expect(previousStepOf(all, 'account')).toBe('name');
    expect(previousStepOf(all, 'name')).toBeNull();
  });

  it('walks only the steps a connector declares, skipping the others', () => {
    expect(nextStepOf(short, 'authorize')).toBe('project');
    expect(previousStepOf(short, 'project')).toBe('authorize');
  });

  it('never moves the saved step backwards when an earlier step is saved again', () => {
    expect(laterStep(all, 'project', 'workspace')).toBe('project');
    expect(laterStep(all, 'workspace', 'project')).toBe('project');
  });

  it('marks earlier steps done, the saved one open and later ones locked', () => {
    const states = stepStates(all, 'workspace', { saved: 'project', finished: false });
    expect(states).toEqual({
      name: 'done',
      account: 'done',
      authorize: 'done',
      workspace: 'current',
      project: 'available',
      mappings: 'locked',
      statuses: 'locked',
      enable: 'locked',
    });
    expect(Object.keys(stepStates(short, 'name', { saved: 'name', finished: false }))).toEqual(
      short,
    );
  });

  it('opens every step of a finished integration', () => {
    const states = stepStates(all, 'account', { saved: 'enable', finished: true });
    expect(Object.values(states).filter((s) => s === 'done')).toHaveLength(7);
    expect(canOpen(all, 'statuses', { saved: 'name', finished: true })).toBe(true);
  });

  it('resumes at the saved step, or at the asked-for step when it was reached', () => {
    const progress = { saved: 'project', finished: false } as const;
    expect(resumeTarget(all, null, progress)).toBe('project');
    expect(resumeTarget(all, 'account', progress)).toBe('account');
    expect(resumeTarget(all, 'enable', progress)).toBe('project');
    expect(resumeTarget(short, 'workspace', progress)).toBe('project');
  });
});
