import { describe, expect, it } from 'vitest';
import { canOpen, laterStep, nextStepOf, previousStepOf, resumeTarget, stepStates } from './steps';

describe('wizard steps', () => {
  it('walks the eight steps in order', () => {
    expect(nextStepOf('name')).toBe('account');
    expect(nextStepOf('mappings')).toBe('statuses');
    expect(nextStepOf('enable')).toBeNull();
    expect(previousStepOf('account')).toBe('name');
    expect(previousStepOf('name')).toBeNull();
  });

  it('never moves the saved step backwards when an earlier step is saved again', () => {
    expect(laterStep('project', 'workspace')).toBe('project');
    expect(laterStep('workspace', 'project')).toBe('project');
  });

  it('marks earlier steps done, the saved one open and later ones locked', () => {
    const states = stepStates('workspace', { saved: 'project', finished: false });
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
  });

  it('opens every step of a finished integration', () => {
    const states = stepStates('account', { saved: 'enable', finished: true });
    expect(Object.values(states).filter((s) => s === 'done')).toHaveLength(7);
    expect(canOpen('statuses', { saved: 'name', finished: true })).toBe(true);
  });

  it('resumes at the saved step, or at the asked-for step when it was reached', () => {
    const progress = { saved: 'project', finished: false } as const;
    expect(resumeTarget(null, progress)).toBe('project');
    expect(resumeTarget('account', progress)).toBe('account');
    expect(resumeTarget('enable', progress)).toBe('project');
  });
});
