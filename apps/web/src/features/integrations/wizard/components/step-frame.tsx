import type { WizardStep } from '@tandem/contracts';
import { ArrowLeft } from 'lucide-react';
import type { FormEvent, ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { useWizard } from '../hooks/wizard-context';
import { previousStepOf, stepIndex } from '../utils/steps';

/** The shape every step shares: its heading and explanation, its form, and Back / Continue. */
export function StepFrame({
  step,
  title,
  intro,
  children,
  onSubmit,
  submitLabel = 'Save and continue',
  submitting = false,
  canSubmit = true,
  error,
  aside,
}: {
  step: WizardStep;
  title: string;
  intro: ReactNode;
  children: ReactNode;
  onSubmit: () => void;
  submitLabel?: string;
  submitting?: boolean;
  canSubmit?: boolean;
  error?: unknown;
  aside?: ReactNode;
}) {
  const { goTo, presentation } = useWizard();
  const steps = presentation.steps.map((s) => s.id);
  const previous = previousStepOf(steps, step);
  const stepTitle = presentation.steps.find((s) => s.id === step)?.title ?? step;
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (canSubmit && !submitting) onSubmit();
  };
  const message = errorMessage(error);
  return (
    <form onSubmit={handle} noValidate className="space-y-6" aria-labelledby={`step-${step}-title`}>
      <header className="space-y-1.5">
        <p className="text-xs font-medium tracking-wide text-accent-700 uppercase">
          {`Step ${stepIndex(steps, step) + 1} of ${steps.length} · ${stepTitle}`}
        </p>
        <h2
          id={`step-${step}-title`}
          className="text-lg font-semibold tracking-tight text-zinc-900"
        >
          {title}
        </h2>
        <div className="max-w-2xl text-sm leading-6 text-zinc-600">{intro}</div>
      </header>
      {children}
      {message ? <Alert>{message}</Alert> : null}
      {aside}
      <footer className="flex items-center justify-between border-t border-zinc-100 pt-5">
        {previous ? (
          <Button variant="ghost" onClick={() => goTo(previous)}>
            <ArrowLeft className="size-4" aria-hidden="true" />
            Back
          </Button>
        ) : (
          <span />
        )}
        <Button
          type="submit"
          variant="primary"
          size="lg"
          loading={submitting}
          disabled={!canSubmit}
        >
          {submitLabel}
        </Button>
      </footer>
    </form>
  );
}

function errorMessage(error: unknown): string | null {
  if (!error) return null;
  if (isApiError(error)) {
    if (error.status === 409) {
      return 'Someone else changed this integration while you were working. Their changes are loaded now; check this step and save again.';
    }
    return error.fields[0]?.message ?? error.message;
  }
  return 'Something went wrong. Try again.';
}
