import type { RemoteProjectNode } from '@tandem/contracts';
import { useState } from 'react';
import { plainText, RichText } from '@/components/connectors/rich-text';
import { Spinner } from '@/components/ui/spinner';
import { RemoteLoadError } from '../../components/remote-load-error';
import { SearchBox } from '../../components/search-box';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useRemoteProjects } from './api/get-remote-projects';
import { ContainerTree } from './container-tree';
import { ExcludeChildUpdates } from './exclude-child-updates';
import { filterTree } from './utils/filter-tree';

/**
 * The container this integration sends to and listens to, picked from the tree discovery gives
 * (a project tree, an area path tree), in the connector's words; with *Exclude child updates*
 * where the connector offers it.
 */
export function ProjectStep() {
  const { workspace, integration, presentation } = useWizardIntegration();
  const words = presentation.containers.tree;
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
      title={words.heading}
      intro={
        <p>
          <RichText
            text={words.intro}
            slots={{ parent: remoteWorkspace?.name ?? 'the chosen workspace' }}
          />
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
      <SearchBox id="project-search" label={words.searchLabel} value={query} onChange={setQuery} />
      {tree.isPending ? (
        <Spinner label={words.loading} />
      ) : tree.isError ? (
        <RemoteLoadError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : shown.length === 0 ? (
        <p className="text-sm text-zinc-500">{plainText(words.noMatch, { query })}</p>
      ) : (
        <fieldset>
          <legend className="sr-only">{words.listLabel}</legend>
          <ContainerTree
            nodes={shown}
            childCount={words.childCount}
            chosenId={chosen?.id ?? null}
            onChoose={(node: RemoteProjectNode) => setChosen({ id: node.id, name: node.name })}
          />
        </fieldset>
      )}
      {words.excludeChildUpdates ? (
        <ExcludeChildUpdates
          words={words.excludeChildUpdates}
          checked={exclude}
          onChange={setExclude}
        />
      ) : null}
    </StepFrame>
  );
}
