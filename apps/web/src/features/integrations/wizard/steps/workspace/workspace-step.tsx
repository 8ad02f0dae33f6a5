import { clsx } from 'clsx';
import { useState } from 'react';
import { plainText, RichText } from '@/components/connectors/rich-text';
import { Spinner } from '@/components/ui/spinner';
import { RemoteLoadError } from '../../components/remote-load-error';
import { SearchBox } from '../../components/search-box';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { type RemoteWorkspace, useRemoteWorkspaces } from './api/get-remote-workspaces';

/**
 * The first level of the remote's containers, one choice from a flat list discovery gives (a
 * workspace, an organization's project), named in the system's words.
 */
export function WorkspaceStep() {
  const { workspace, integration, presentation } = useWizardIntegration();
  const words = presentation.containers.list;
  const list = useRemoteWorkspaces(workspace.id, integration.id);
  const [chosen, setChosen] = useStepDraft<RemoteWorkspace | null>(
    'workspace:choice',
    () => integration.settings.remoteWorkspace ?? null,
  );
  const [query, setQuery] = useState('');
  const { save, saving, error } = useSaveStep('workspace');
  const shown = (list.data ?? []).filter((w) =>
    w.name.toLowerCase().includes(query.trim().toLowerCase()),
  );

  return (
    <StepFrame
      step="workspace"
      title={words.heading}
      intro={
        <p>
          <RichText
            text={words.intro}
            slots={{ user: integration.connection?.connectedAs ?? 'the connected user' }}
          />
        </p>
      }
      onSubmit={() =>
        chosen &&
        void save({
          settings: { remoteWorkspace: chosen },
        }).catch(() => null)
      }
      submitting={saving}
      canSubmit={chosen !== null}
      error={error}
    >
      <SearchBox
        id="workspace-search"
        label={words.searchLabel}
        value={query}
        onChange={setQuery}
      />
      {list.isPending ? (
        <Spinner label={words.loading} />
      ) : list.isError ? (
        <RemoteLoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <fieldset>
          <legend className="sr-only">{words.listLabel}</legend>
          {shown.length === 0 ? (
            <p className="text-sm text-zinc-500">{plainText(words.noMatch, { query })}</p>
          ) : (
            <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200">
              {shown.map((w) => (
                <li key={w.id}>
                  <label
                    className={clsx(
                      'flex cursor-pointer items-center gap-3 px-4 py-3 text-sm',
                      chosen?.id === w.id && 'bg-accent-50/60',
                    )}
                  >
                    <input
                      type="radio"
                      name="remote-workspace"
                      checked={chosen?.id === w.id}
                      onChange={() => setChosen({ id: w.id, name: w.name })}
                    />
                    <span className="font-medium text-zinc-900">{w.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
    </StepFrame>
  );
}
