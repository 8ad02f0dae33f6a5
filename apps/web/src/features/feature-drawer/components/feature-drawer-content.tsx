import type {
  CustomFieldDefinition,
  FeatureDetail,
  Initiative,
  Member,
  Release,
  SessionWorkspace,
  WorkflowStatus,
} from '@tandem/contracts';
import { AlignLeft } from 'lucide-react';
import { useId } from 'react';
import { useAutosave } from '../hooks/use-autosave';
import { relativeTime } from '../utils/relative-time';
import { AttachmentsSection } from './attachments-section';
import { ConflictBanner } from './conflict-banner';
import { DescriptionEditor } from './description-editor';
import { DrawerHeader } from './drawer-header';
import { FeatureNameInput } from './feature-name-input';
import { FeatureProperties } from './feature-properties';
import { IntegrationsSection, type IntegrationsSlot } from './integrations-section';
import { RequirementsSection } from './requirements-section';
import { SectionHeading } from './section-heading';

export interface DrawerReferenceData {
  statuses: readonly WorkflowStatus[];
  requirementStatuses: readonly WorkflowStatus[];
  releases: readonly Release[];
  initiatives: readonly Initiative[];
  members: readonly Member[];
  customFields: readonly CustomFieldDefinition[];
}

/** The open feature: every field editable, saved automatically; requirements, files, links. */
export function FeatureDrawerContent({
  workspace,
  workspaces,
  feature,
  data,
  csrfToken,
  onClose,
  onDeleted,
  integrations,
}: {
  workspace: SessionWorkspace;
  workspaces: readonly SessionWorkspace[];
  feature: FeatureDetail;
  data: DrawerReferenceData;
  csrfToken: string;
  onClose: () => void;
  onDeleted: () => void;
  integrations?: IntegrationsSlot | undefined;
}) {
  const id = useId();
  const autosave = useAutosave(workspace.id, feature);
  const { values, state } = autosave;
  const readOnly = workspace.role === 'viewer';
  const slot = integrations?.(feature);

  return (
    <>
      <DrawerHeader
        workspaceId={workspace.id}
        feature={feature}
        state={state}
        canDelete={!readOnly}
        action={slot?.header}
        onClose={onClose}
        onDeleted={onDeleted}
      />
      {/* Notices sit on a band of their own above the scrolling body, ruled off like the header:
          the body is cut at the rule, a gap below a notice, never flush under it. */}
      <div className="shrink-0 border-b border-zinc-100 pb-3 empty:hidden">
        {state.status === 'error' ? (
          <div
            role="alert"
            className="mx-6 mt-3 flex items-center gap-3 rounded-lg border border-red-200 bg-red-50 px-3.5 py-2.5 text-[13px] text-red-800"
          >
            <p className="min-w-0 flex-1">
              <span className="font-medium">Your last changes are not saved.</span> {state.error}
            </p>
            <button
              type="button"
              onClick={autosave.flush}
              className="rounded-md px-2 py-1 font-medium text-red-700 hover:bg-red-100"
            >
              Try again
            </button>
          </div>
        ) : null}
        {state.status === 'conflict' ? (
          <ConflictBanner onReload={autosave.reload} onOverwrite={autosave.overwrite} />
        ) : null}
        {slot?.notice}
      </div>
      <div className="flex-1 overflow-y-auto">
        <div className="space-y-7 px-6 pt-4 pb-10">
          <div>
            <FeatureNameInput
              key={`name-${autosave.editorKey}`}
              id={`${id}-name`}
              name={values.name}
              disabled={readOnly}
              onChange={(name) => autosave.edit({ name })}
            />
            <p className="mt-1 px-1.5 text-[12px] text-zinc-500">
              Created {relativeTime(feature.createdAt)} · Updated {relativeTime(feature.updatedAt)}
            </p>
          </div>
          <FeatureProperties
            key={`props-${autosave.editorKey}`}
            values={values}
            onEdit={autosave.edit}
            disabled={readOnly}
            statuses={data.statuses}
            releases={data.releases}
            initiatives={data.initiatives}
            members={data.members}
            customFields={data.customFields}
            workspaceId={workspace.id}
            workspaces={workspaces}
            {...(slot?.fieldHints ? { hints: slot.fieldHints } : {})}
          />
          <section aria-labelledby={`${id}-description`}>
            <SectionHeading id={`${id}-description`} icon={AlignLeft}>
              Description
            </SectionHeading>
            <DescriptionEditor
              key={`editor-${autosave.editorKey}`}
              initialHtml={values.descriptionHtml}
              editable={!readOnly}
              onChange={(descriptionHtml) => autosave.edit({ descriptionHtml })}
            />
          </section>
          <RequirementsSection
            workspaceId={workspace.id}
            featureId={feature.id}
            requirements={feature.requirements}
            statuses={data.requirementStatuses}
            disabled={readOnly}
          />
          <AttachmentsSection
            workspaceId={workspace.id}
            featureId={feature.id}
            attachments={feature.attachments}
            csrfToken={csrfToken}
            disabled={readOnly}
          />
          <IntegrationsSection featureId={feature.id} action={slot?.action}>
            {slot?.children}
          </IntegrationsSection>
        </div>
      </div>
    </>
  );
}
