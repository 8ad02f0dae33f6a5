import type { PreflightReportView, RecordMapping } from '@tandem/contracts';
import { useState } from 'react';
import { RichText } from '@/components/connectors/rich-text';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { AddMappingForm } from './add-mapping-form';
import { useRemoteRecordTypes } from './api/get-remote-record-types';
import { useRunPreflight } from './api/run-preflight';
import { MappingCard } from './mapping-card';
import { PreflightPanel } from './preflight-panel';
import {
  type RoadmapKind,
  removeMapping,
  replaceMapping,
  sortMappings,
} from './utils/mapping-editor';

export function MappingsEditor({ initial }: { initial: RecordMapping[] }) {
  const { workspace, integration, presentation, goTo } = useWizardIntegration();
  const [mappings, setMappings] = useStepDraft('mappings:list', () => sortMappings(initial));
  const [report, setReport] = useState<PreflightReportView | null>(null);
  const types = useRemoteRecordTypes(workspace.id, integration.id);
  const preflight = useRunPreflight(workspace.id, integration.id);
  const { save, saving, error } = useSaveStep('mappings');

  const change = (next: RecordMapping[]) => {
    setMappings(next);
    setReport(null);
  };

  const check = async () => {
    const result = await preflight.mutateAsync(mappings);
    setReport(result);
    return result;
  };

  const submit = async () => {
    const result = await check();
    const blocked = result.issues.some((i) => i.severity === 'error');
    await save({ settings: { recordMappings: mappings } }, { advance: !blocked });
  };

  const openStatuses = async (kind: RoadmapKind) => {
    await save({ settings: { recordMappings: mappings } }, { advance: false, reach: 'statuses' });
    goTo('statuses', { search: `?kind=${kind}` });
  };

  return (
    <StepFrame
      step="mappings"
      title={presentation.records.heading}
      intro={
        <>
          <p>
            <RichText text={presentation.records.intro} />
          </p>
          <p className="mt-1.5">
            Open <strong>Field mappings</strong> to choose which details travel and in which
            direction. Every mapping needs its statuses matched: use the ⚙ on its Status row.
          </p>
        </>
      }
      onSubmit={() => void submit().catch(() => null)}
      submitting={saving || preflight.isPending}
      canSubmit={mappings.length > 0}
      error={error ?? preflight.error}
      aside={
        <PreflightPanel
          report={report}
          running={preflight.isPending}
          onRun={() => void check().catch(() => null)}
        />
      }
    >
      <div className="space-y-4">
        {mappings.map((mapping) => (
          <MappingCard
            key={mapping.roadmapKind}
            mapping={mapping}
            types={types.data ?? []}
            otherKinds={mappings.map((m) => m.roadmapKind).filter((k) => k !== mapping.roadmapKind)}
            onChange={(next) => change(replaceMapping(mappings, mapping.roadmapKind, () => next))}
            onRemove={() => change(removeMapping(mappings, mapping.roadmapKind))}
            onOpenStatuses={() => void openStatuses(mapping.roadmapKind).catch(() => null)}
          />
        ))}
      </div>
      <AddMappingForm
        mappings={mappings}
        types={types.data ?? []}
        onAdd={(mapping) => change(sortMappings([...mappings, mapping]))}
      />
    </StepFrame>
  );
}
