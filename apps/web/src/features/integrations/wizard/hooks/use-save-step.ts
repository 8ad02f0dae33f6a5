import type { WizardStep } from '@tandem/contracts';
import { type IntegrationChange, useUpdateIntegration } from '../../api/update-integration';
import { laterStep, nextStepOf } from '../utils/steps';
import { useWizardIntegration } from './wizard-context';

export interface SaveStepOptions {
  /** Open the next step after saving (default). */
  advance?: boolean;
  /** Mark a step as reached without opening it (the Status gear reaches the status step). */
  reach?: WizardStep;
}

/**
 * Saves a step on the server and opens the next one. The saved step only moves forwards, so
 * going Back to fix something keeps the later steps reachable.
 */
export function useSaveStep(step: WizardStep) {
  const { workspace, integration, presentation, goTo, drafts } = useWizardIntegration();
  const mutation = useUpdateIntegration(workspace.id);
  const steps = presentation.steps.map((s) => s.id);
  const next = nextStepOf(steps, step);

  const save = async (change: IntegrationChange, options: SaveStepOptions = {}) => {
    const advance = options.advance ?? true;
    const target = options.reach ?? (advance ? next : null);
    const reached = target
      ? laterStep(steps, integration.wizardStep, target)
      : integration.wizardStep;
    const saved = await mutation.mutateAsync({
      integration,
      change: { ...change, ...(reached !== integration.wizardStep ? { wizardStep: reached } : {}) },
    });
    // Saved means the server holds these values now; a later visit starts from them.
    for (const key of [...drafts.keys()]) {
      if (key.startsWith(`${integration.id}:${step}:`)) drafts.delete(key);
    }
    if (advance && next) goTo(next);
    return saved;
  };

  return { save, saving: mutation.isPending, error: mutation.error };
}
