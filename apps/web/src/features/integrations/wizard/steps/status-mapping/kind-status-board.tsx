import type { ConnectorPresentation, RecordMapping } from '@tandem/contracts';
import { useEffect } from 'react';
import { statusesOf, useWorkflows } from '@/api/roadmap/get-workflows';
import { Spinner } from '@/components/ui/spinner';
import { RemoteLoadError } from '../../components/remote-load-error';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useRemoteStates } from './api/get-remote-states';
import { StatusBoard } from './status-board';
import { boardFrom, toGroups, unmappedCount } from './utils/status-board';

/** The remote field that holds a record's state when nothing chose one yet (the connector says). */
function defaultStateField(
  words: ConnectorPresentation['statuses']['defaultStateField'],
  remoteType: string,
): string {
  const type = remoteType.toLowerCase();
  const hit = Object.entries(words.byTypePrefix).find(([prefix]) => type.startsWith(prefix));
  return hit?.[1] ?? words.otherwise;
}

/** Loads both workflows of one record mapping and shows them as a board. */
export function KindStatusBoard({
  mapping,
  onChange,
}: {
  mapping: RecordMapping;
  onChange: (next: RecordMapping) => void;
}) {
  const { workspace, integration, presentation } = useWizardIntegration();
  const remoteName = presentation.displayName;
  const stateFieldWords = presentation.statuses.defaultStateField;
  const workflows = useWorkflows(workspace.id);
  const remote = useRemoteStates(workspace.id, integration.id, mapping.remoteType);
  const unsaved = !mapping.status || mapping.status.groups.length === 0;

  // Nothing saved yet: the automatic match by name becomes the draft, so Continue saves it.
  useEffect(() => {
    if (!unsaved || !workflows.data || !remote.data) return;
    const statuses = statusesOf(workflows.data, mapping.roadmapKind);
    if (statuses.length === 0) return;
    const columns = boardFrom(
      statuses,
      remote.data.map((s) => s.name),
      null,
    );
    onChange({
      ...mapping,
      status: {
        remoteField:
          mapping.status?.remoteField ??
          mapping.fields.find((f) => f.roadmapField === 'status')?.remoteField ??
          defaultStateField(stateFieldWords, mapping.remoteType),
        groups: toGroups(columns, statuses),
      },
    });
  }, [unsaved, workflows.data, remote.data, mapping, onChange, stateFieldWords]);

  if (workflows.isPending || remote.isPending) return <Spinner label="Loading statuses" />;
  if (remote.isError) {
    return <RemoteLoadError error={remote.error} onRetry={() => void remote.refetch()} />;
  }
  const statuses = statusesOf(workflows.data, mapping.roadmapKind);
  const stateOrder = remote.data.map((s) => s.name);
  const columns = boardFrom(statuses, stateOrder, mapping.status?.groups ?? null);
  const remoteField =
    mapping.status?.remoteField ??
    mapping.fields.find((f) => f.roadmapField === 'status')?.remoteField ??
    defaultStateField(stateFieldWords, mapping.remoteType);
  const left = unmappedCount(columns);

  return (
    <div className="space-y-3">
      <p className="text-[13px] text-zinc-600">
        {`Tandem ${mapping.roadmapKind} statuses ↔ the ${remoteName} ${remoteField} of ${mapping.remoteType}. `}
        {left > 0 ? (
          <strong className="text-amber-800">{`${left} ${remoteName} ${left === 1 ? 'state is' : 'states are'} not mapped: records in ${left === 1 ? 'it' : 'them'} keep their Tandem status.`}</strong>
        ) : (
          <strong className="text-emerald-700">{`Every ${remoteName} state is mapped.`}</strong>
        )}
      </p>
      <StatusBoard
        remoteName={remoteName}
        statuses={statuses}
        columns={columns}
        stateOrder={stateOrder}
        onChange={(next) =>
          onChange({ ...mapping, status: { remoteField, groups: toGroups(next, statuses) } })
        }
      />
    </div>
  );
}
