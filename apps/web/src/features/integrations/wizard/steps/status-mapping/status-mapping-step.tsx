import type { RecordMapping, StatusMapping } from '@tandem/contracts';
import { clsx } from 'clsx';
import { Link, useSearchParams } from 'react-router';
import { RichText } from '@/components/connectors/rich-text';
import { Alert } from '@/components/ui/alert';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { KindStatusBoard } from './kind-status-board';

const KIND_LABEL: Record<RecordMapping['roadmapKind'], string> = {
  release: 'Releases',
  initiative: 'Initiatives',
  feature: 'Features',
  requirement: 'Requirements',
};

/** Which of the remote's states mean which Tandem status, one record mapping at a time. */
export function StatusMappingStep() {
  const { integration, presentation } = useWizardIntegration();
  const [params] = useSearchParams();
  // Only the statuses are this step's: the rest of each mapping is what the previous step saved.
  const [statusDraft, setStatusDraft] = useStepDraft<Record<string, StatusMapping | null>>(
    'statuses:groups',
    () => ({}),
  );
  const saved = (integration.settings.recordMappings as RecordMapping[] | undefined) ?? [];
  const mappings = saved.map((m) =>
    m.roadmapKind in statusDraft ? { ...m, status: statusDraft[m.roadmapKind] ?? null } : m,
  );
  const { save, saving, error } = useSaveStep('statuses');
  const kinds = mappings.map((m) => m.roadmapKind);
  const kind =
    kinds.find((k) => k === params.get('kind')) ??
    (kinds.includes('feature') ? 'feature' : kinds[0]);
  const mapping = mappings.find((m) => m.roadmapKind === kind);

  return (
    <StepFrame
      step="statuses"
      title={presentation.statuses.heading}
      intro={
        <p>
          <RichText text={presentation.statuses.intro} />
        </p>
      }
      onSubmit={() => void save({ settings: { recordMappings: mappings } }).catch(() => null)}
      submitting={saving}
      canSubmit={mappings.length > 0}
      error={error}
    >
      {mappings.length === 0 ? (
        <Alert>Add a record mapping on the previous step first.</Alert>
      ) : (
        <>
          {kinds.length > 1 ? (
            <nav aria-label="Record mappings" className="flex gap-1 border-b border-zinc-200">
              {kinds.map((k) => (
                <Link
                  key={k}
                  to={`?kind=${k}`}
                  replace
                  aria-current={k === kind ? 'page' : undefined}
                  className={clsx(
                    '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
                    k === kind
                      ? 'border-accent-600 text-accent-700'
                      : 'border-transparent text-zinc-500 hover:text-zinc-800',
                  )}
                >
                  {KIND_LABEL[k]}
                </Link>
              ))}
            </nav>
          ) : null}
          {mapping ? (
            <KindStatusBoard
              key={mapping.roadmapKind}
              mapping={mapping}
              onChange={(next) =>
                setStatusDraft({ ...statusDraft, [next.roadmapKind]: next.status })
              }
            />
          ) : null}
        </>
      )}
    </StepFrame>
  );
}
