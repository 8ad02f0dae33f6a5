import type { RemoteProjectNode } from '@tandem/contracts';
import { useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { RemoteLoadError } from '../../components/remote-load-error';
import { SearchBox } from '../../components/search-box';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useRemoteProjects } from './api/get-remote-projects';
import { ExcludeChildUpdates } from './exclude-child-updates';
import { ProjectTree } from './project-tree';
import { filterTree } from './utils/filter-tree';

/** Step 5: the one Rally project this integration sends to and listens to. */
export function ProjectStep() {
  const { workspace, integration } = useWizardIntegration();
  const remoteWorkspace = integration.settings.remoteWorkspace;
  const tree = useRemoteProjects(workspace.id, integration.id, remoteWorkspace?.id);
  const [chosen, setChosen] = useStepDraft<{ id: string; name: string } | null>(
    'project:choice',
    () => integration.settings.remoteProject ?? null,
  );
  const [exclude, setExclude] = useStepDraft(
    'project:exclude',
    () => integration.settings.excludeChildUpdates ?? false,
  );
  const [query, setQuery] = useState('');
  const { save, saving, error } = useSaveStep('project');
  const shown = filterTree(tree.data ?? [], query);

  return (
    <StepFrame
      step="project"
      title="Choose the Rally project"
      intro={
        <p>
          Features you send from this workspace are created in this project, and changes made there
          come back to the roadmap. These are the projects of{' '}
          <strong>{remoteWorkspace?.name ?? 'the chosen workspace'}</strong>.
        </p>
      }
      onSubmit={() =>
        chosen &&
        void save({
          settings: { remoteProject: chosen, excludeChildUpdates: exclude },
        }).catch(() => null)
      }
      submitting={saving}
      canSubmit={chosen !== null}
      error={error}
    >
      <SearchBox id="project-search" label="Search projects" value={query} onChange={setQuery} />
      {tree.isPending ? (
        <Spinner label="Loading projects" />
      ) : tree.isError ? (
        <RemoteLoadError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : shown.length === 0 ? (
        <p className="text-sm text-zinc-500">No project matches “{query}”.</p>
      ) : (
        <fieldset>
          <legend className="sr-only">Rally projects</legend>
          <ProjectTree
            nodes={shown}
            chosenId={chosen?.id ?? null}
            onChoose={(node: RemoteProjectNode) => setChosen({ id: node.id, name: node.name })}
          />
        </fieldset>
      )}
      <ExcludeChildUpdates checked={exclude} onChange={setExclude} />
    </StepFrame>
  );
}
