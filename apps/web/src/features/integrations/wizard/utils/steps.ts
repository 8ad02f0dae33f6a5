import type { WizardStep } from '@tandem/contracts';

/**
 * The wizard's steps as a connector declares them (an ordered subset of `WIZARD_STEPS`); every
 * function here walks that list, so a system with fewer steps never shows the others.
 */
export type StepList = readonly WizardStep[];

export type StepState = 'done' | 'current' | 'available' | 'locked';

export const stepIndex = (steps: StepList, step: WizardStep): number => steps.indexOf(step);

export function isWizardStep(steps: StepList, value: string | undefined): value is WizardStep {
  return (steps as readonly string[]).includes(value ?? '');
}

export function nextStepOf(steps: StepList, step: WizardStep): WizardStep | null {
  return steps[stepIndex(steps, step) + 1] ?? null;
}

export function previousStepOf(steps: StepList, step: WizardStep): WizardStep | null {
  return steps[stepIndex(steps, step) - 1] ?? null;
}

/** The furthest of two steps: going Back and saving again never loses later progress. */
export function laterStep(steps: StepList, a: WizardStep, b: WizardStep): WizardStep {
  return stepIndex(steps, a) >= stepIndex(steps, b) ? a : b;
}

export interface WizardProgress {
  /** The step the server saved as reached (`name` before the integration exists). */
  saved: WizardStep;
  /** Every step was completed once (the integration was enabled at least once). */
  finished: boolean;
}

/** A step can be opened when it was reached before; later ones stay locked until then. */
export function canOpen(steps: StepList, step: WizardStep, progress: WizardProgress): boolean {
  const at = stepIndex(steps, step);
  if (at < 0) return false;
  return progress.finished || at <= stepIndex(steps, progress.saved);
}

/** Where a reopened wizard lands: the step that was saved, or the one asked for when reachable. */
export function resumeTarget(
  steps: StepList,
  requested: WizardStep | null,
  progress: WizardProgress,
): WizardStep {
  if (requested && canOpen(steps, requested, progress)) return requested;
  return isWizardStep(steps, progress.saved) ? progress.saved : (steps[0] ?? 'name');
}

/** How the stepper shows each step while `current` is open. */
export function stepStates(
  steps: StepList,
  current: WizardStep,
  progress: WizardProgress,
): Partial<Record<WizardStep, StepState>> {
  const saved = stepIndex(steps, progress.saved);
  return Object.fromEntries(
    steps.map((step, i): [WizardStep, StepState] => {
      if (step === current) return [step, 'current'];
      if (progress.finished || i < saved) return [step, 'done'];
      if (i === saved) return [step, 'available'];
      return [step, 'locked'];
    }),
  );
}
