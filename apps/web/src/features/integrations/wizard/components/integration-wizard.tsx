import type { WizardStep } from '@tandem/contracts';
import { ArrowLeft } from 'lucide-react';
import { useCallback, useMemo } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useIntegration } from '../../api/get-integration';
import { WizardProvider, type WizardWorkspace } from '../hooks/wizard-context';
import { isWizardStep, resumeTarget, stepStates, type WizardProgress } from '../utils/steps';
import { StepContent } from './step-content';
import { WizardStepper } from './wizard-stepper';

/**
 * The Rally setup wizard: one URL per step, every step saved on the server, and a reopened
 * wizard lands on the step it was left at.
 */
export function IntegrationWizard({ workspace }: { workspace: WizardWorkspace }) {
  const { integrationId = 'new', step: rawStep } = useParams();
  const creating = integrationId === 'new';
  const query = useIntegration(workspace.id, integrationId, !creating);
  const navigate = useNavigate();
  const integration = creating ? null : (query.data ?? null);

  const goTo = useCallback(
    (step: WizardStep, options: { integrationId?: string; search?: string } = {}) =>
      navigate(
        paths.workspace.integrationWizard.getHref(
          workspace.key,
          options.integrationId ?? integration?.id ?? 'new',
          step,
        ) + (options.search ?? ''),
      ),
    [navigate, workspace.key, integration?.id],
  );
  const context = useMemo(() => ({ workspace, integration, goTo }), [workspace, integration, goTo]);

  if (!creating && query.isPending) return <Spinner label="Loading the integration" />;
  if (!creating && query.isError) {
    return <Alert title="This integration could not be opened">{query.error.message}</Alert>;
  }

  const progress: WizardProgress = integration
    ? { saved: integration.wizardStep, finished: integration.state !== 'draft' }
    : { saved: 'name', finished: false };
  const requested = isWizardStep(rawStep) ? rawStep : null;
  const step = resumeTarget(requested, progress);
  if (step !== requested) {
    return (
      <Navigate
        replace
        to={paths.workspace.integrationWizard.getHref(workspace.key, integrationId, step)}
      />
    );
  }

  return (
    <WizardProvider value={context}>
      <div className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-8">
        <Link
          to={paths.workspace.settings.integrations.getHref(workspace.key)}
          className="mb-4 inline-flex items-center gap-1.5 text-[13px] text-zinc-500 hover:text-zinc-800"
        >
          <ArrowLeft className="size-3.5" aria-hidden="true" />
          Integrations
        </Link>
        <h1 className="mb-6 text-xl font-semibold tracking-tight text-zinc-900">
          {integration === null
            ? 'Add a Rally integration'
            : integration.state === 'draft'
              ? `Set up ${integration.name}`
              : `Edit ${integration.name}`}
        </h1>
        <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
          <aside>
            <WizardStepper
              states={stepStates(step, progress)}
              hrefOf={(s) =>
                paths.workspace.integrationWizard.getHref(workspace.key, integrationId, s)
              }
            />
          </aside>
          <section
            aria-label="Step"
            className="min-w-0 rounded-xl border border-zinc-200 bg-white p-6 shadow-xs"
          >
            <StepContent key={step} step={step} />
          </section>
        </div>
      </div>
    </WizardProvider>
  );
}
