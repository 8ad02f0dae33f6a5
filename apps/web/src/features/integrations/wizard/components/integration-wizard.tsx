import {
  type ConnectorPresentation,
  type Integration,
  integrationSystemSchema,
  type WizardStep,
} from '@tandem/contracts';
import { ArrowLeft } from 'lucide-react';
import { useCallback, useMemo } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { useConnectors } from '@/api/connectors/get-connectors';
import { Alert } from '@/components/ui/alert';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useIntegration } from '../../api/get-integration';
import { WizardProvider, type WizardWorkspace } from '../hooks/wizard-context';
import { isWizardStep, resumeTarget, stepStates, type WizardProgress } from '../utils/steps';
import { StepContent } from './step-content';
import { WizardStepper } from './wizard-stepper';

/**
 * The setup wizard of any connector: it walks the steps the connector's presentation declares,
 * in its words. One URL per step, every step saved on the server, and a reopened wizard lands
 * on the step it was left at. A new integration's system comes from `?system=` (the *Add* menu).
 */
export function IntegrationWizard({ workspace }: { workspace: WizardWorkspace }) {
  const { integrationId = 'new' } = useParams();
  const [params] = useSearchParams();
  const creating = integrationId === 'new';
  const query = useIntegration(workspace.id, integrationId, !creating);
  const connectors = useConnectors();

  if (!creating && query.isPending) return <Spinner label="Loading the integration" />;
  if (!creating && query.isError) {
    return <Alert title="This integration could not be opened">{query.error.message}</Alert>;
  }
  if (connectors.isPending) return <Spinner label="Loading the integration" />;
  if (connectors.isError) {
    return <Alert title="This integration could not be opened">{connectors.error.message}</Alert>;
  }
  const integration = creating ? null : (query.data ?? null);
  const asked = integrationSystemSchema.safeParse(params.get('system'));
  const system = integration?.system ?? (asked.success ? asked.data : connectors.data[0]?.system);
  const presentation = connectors.data.find((c) => c.system === system);
  if (!presentation) {
    return <Alert title="This integration could not be opened">Tandem cannot connect to it.</Alert>;
  }
  return (
    <WizardShell
      workspace={workspace}
      integrationId={integrationId}
      integration={integration}
      presentation={presentation}
    />
  );
}

function WizardShell({
  workspace,
  integrationId,
  integration,
  presentation,
}: {
  workspace: WizardWorkspace;
  integrationId: string;
  integration: Integration | null;
  presentation: ConnectorPresentation;
}) {
  const { step: rawStep } = useParams();
  const navigate = useNavigate();
  const steps = useMemo(() => presentation.steps.map((s) => s.id), [presentation]);
  // A new integration keeps its system in the URL until the name step creates it.
  const search = integration ? '' : `?system=${presentation.system}`;
  const hrefOf = useCallback(
    (step: WizardStep, id = integrationId) =>
      paths.workspace.integrationWizard.getHref(workspace.key, id, step) +
      (id === 'new' ? search : ''),
    [workspace.key, integrationId, search],
  );

  const goTo = useCallback(
    (step: WizardStep, options: { integrationId?: string; search?: string } = {}) =>
      navigate(
        hrefOf(step, options.integrationId ?? integration?.id ?? 'new') + (options.search ?? ''),
      ),
    [navigate, hrefOf, integration?.id],
  );
  const context = useMemo(
    () => ({ workspace, integration, presentation, goTo }),
    [workspace, integration, presentation, goTo],
  );

  const progress: WizardProgress = integration
    ? { saved: integration.wizardStep, finished: integration.state !== 'draft' }
    : { saved: 'name', finished: false };
  const requested = isWizardStep(steps, rawStep) ? rawStep : null;
  const step = resumeTarget(steps, requested, progress);
  if (step !== requested) return <Navigate replace to={hrefOf(step)} />;

  return (
    <WizardProvider value={context}>
      <title>{`${presentation.displayName} integration · ${workspace.name} · Tandem`}</title>
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
            ? `Add a ${presentation.displayName} integration`
            : integration.state === 'draft'
              ? `Set up ${integration.name}`
              : `Edit ${integration.name}`}
        </h1>
        <div className="grid gap-8 md:grid-cols-[15rem_1fr]">
          <aside>
            <WizardStepper
              steps={presentation.steps}
              states={stepStates(steps, step, progress)}
              hrefOf={(s) => hrefOf(s)}
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
