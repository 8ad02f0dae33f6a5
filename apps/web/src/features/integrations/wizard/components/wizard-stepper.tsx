import type { ConnectorPresentation, WizardStep } from '@tandem/contracts';
import { clsx } from 'clsx';
import { Check, Lock } from 'lucide-react';
import { Link } from 'react-router';
import type { StepState } from '../utils/steps';

const SR_STATE: Record<StepState, string> = {
  done: 'done',
  current: 'current step',
  available: 'not finished yet',
  locked: 'locked until the steps before it are done',
};

/**
 * The list of steps on the left, as the connector declares them: done ones ticked, the open one
 * marked, later ones locked.
 */
export function WizardStepper({
  steps,
  states,
  hrefOf,
}: {
  steps: ConnectorPresentation['steps'];
  states: Partial<Record<WizardStep, StepState>>;
  hrefOf: (step: WizardStep) => string;
}) {
  return (
    <nav aria-label="Setup steps">
      <ol className="space-y-1">
        {steps.map(({ id: step, title, hint }, i) => {
          const state = states[step] ?? 'locked';
          const body = (
            <>
              <span
                aria-hidden="true"
                className={clsx(
                  'flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold',
                  state === 'done' && 'border-emerald-600 bg-emerald-600 text-white',
                  state === 'current' && 'border-accent-600 bg-accent-600 text-white',
                  state === 'available' && 'border-accent-400 bg-white text-accent-700',
                  state === 'locked' && 'border-zinc-200 bg-zinc-50 text-zinc-400',
                )}
              >
                {state === 'done' ? (
                  <Check className="size-3.5" />
                ) : state === 'locked' ? (
                  <Lock className="size-3" />
                ) : (
                  i + 1
                )}
              </span>
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium">{title}</span>
                <span
                  className={clsx(
                    'block truncate text-xs',
                    state === 'current' ? 'text-zinc-600' : 'text-zinc-500',
                  )}
                >
                  {hint}
                </span>
              </span>
              <span className="sr-only">{`(${SR_STATE[state]})`}</span>
            </>
          );
          const base = 'flex items-center gap-3 rounded-lg px-2.5 py-2';
          return (
            <li key={step}>
              {state === 'locked' ? (
                <span
                  aria-disabled="true"
                  className={clsx(base, 'cursor-not-allowed text-zinc-400')}
                >
                  {body}
                </span>
              ) : (
                <Link
                  to={hrefOf(step)}
                  aria-current={state === 'current' ? 'step' : undefined}
                  className={clsx(
                    base,
                    state === 'current'
                      ? 'bg-accent-50 text-accent-800 ring-1 ring-accent-200'
                      : 'text-zinc-700 hover:bg-zinc-100',
                  )}
                >
                  {body}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
