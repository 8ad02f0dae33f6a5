import { WIZARD_STEPS, type WizardStep } from '@tandem/contracts';

/** What each step is called in the stepper and what it asks, in plain words. */
export const STEP_META: Record<WizardStep, { title: string; hint: string }> = {
  name: { title: 'Name', hint: 'What to call it' },
  account: { title: 'Rally account', hint: 'Your Rally address' },
  authorize: { title: 'Connect', hint: 'Sign in to Rally' },
  workspace: { title: 'Rally workspace', hint: 'Where your teams work' },
  project: { title: 'Rally project', hint: 'Where work is sent' },
  mappings: { title: 'Record mappings', hint: 'What records become' },
  statuses: { title: 'Status mapping', hint: 'Statuses that match' },
  enable: { title: 'Enable', hint: 'How changes travel' },
};

export type StepState = 'done' | 'current' | 'available' | 'locked';

export const stepIndex = (step: WizardStep): number => WIZARD_STEPS.indexOf(step);

export function isWizardStep(value: string | undefined): value is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(value ?? '');
}

export function nextStepOf(step: WizardStep): WizardStep | null {
  return WIZARD_STEPS[stepIndex(step) + 1] ?? null;
}

export function previousStepOf(step: WizardStep): WizardStep | null {
  return WIZARD_STEPS[stepIndex(step) - 1] ?? null;
}

/** The furthest of two steps: going Back and saving again never loses later progress. */
export function laterStep(a: WizardStep, b: WizardStep): WizardStep {
  return stepIndex(a) >= stepIndex(b) ? a : b;
}

export interface WizardProgress {
  /** The step the server saved as reached (`name` before the integration exists). */
  saved: WizardStep;
  /** Every step was completed once (the integration was enabled at least once). */
  finished: boolean;
}

/** A step can be opened when it was reached before; later ones stay locked until then. */
export function canOpen(step: WizardStep, progress: WizardProgress): boolean {
  return progress.finished || stepIndex(step) <= stepIndex(progress.saved);
}

/** Where a reopened wizard lands: the step that was saved, or the one asked for when reachable. */
export function resumeTarget(requested: WizardStep | null, progress: WizardProgress): WizardStep {
  if (requested && canOpen(requested, progress)) return requested;
  return progress.saved;
}

/** How the stepper shows each step while `current` is open. */
export function stepStates(
  current: WizardStep,
  progress: WizardProgress,
): Record<WizardStep, StepState> {
  const saved = stepIndex(progress.saved);
  return Object.fromEntries(
    WIZARD_STEPS.map((step, i): [WizardStep, StepState] => {
      if (step === current) return [step, 'current'];
      if (progress.finished || i < saved) return [step, 'done'];
      if (i === saved) return [step, 'available'];
      return [step, 'locked'];
    }),
  ) as Record<WizardStep, StepState>;
}
