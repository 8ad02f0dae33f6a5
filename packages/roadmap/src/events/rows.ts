import type { CustomFieldValues } from '@tandem/contracts';
import type {
  AttachmentsTable,
  CustomFieldDefinitionsTable,
  FeaturesTable,
  InitiativesTable,
  IntegrationFieldsTable,
  ReleasesTable,
  RequirementsTable,
  WorkflowStatusesTable,
  WorkflowsTable,
} from '@tandem/storage';
import type { Selectable } from 'kysely';

/** Rows as the domain sees them: JSON parsed, booleans as booleans, on both dialects. */
export type ReleaseRow = Omit<Selectable<ReleasesTable>, 'parking_lot'> & { parking_lot: boolean };
export type InitiativeRow = Selectable<InitiativesTable>;
export type FeatureRow = Omit<Selectable<FeaturesTable>, 'tags' | 'custom_fields'> & {
  tags: string[];
  custom_fields: CustomFieldValues;
};
export type RequirementRow = Omit<Selectable<RequirementsTable>, 'custom_fields'> & {
  custom_fields: CustomFieldValues;
};
export type AttachmentRow = Selectable<AttachmentsTable>;
export type CustomFieldRow = Omit<
  Selectable<CustomFieldDefinitionsTable>,
  'options' | 'required'
> & {
  options: string[];
  required: boolean;
};
export type IntegrationFieldRow = Omit<Selectable<IntegrationFieldsTable>, 'value'> & {
  value: unknown;
};
export type WorkflowRow = Selectable<WorkflowsTable>;
export type WorkflowStatusRow = Selectable<WorkflowStatusesTable>;

/** Every table whose rows are records: written only through `runWrite`, always with an event. */
export interface Rows {
  workflows: WorkflowRow;
  workflow_statuses: WorkflowStatusRow;
  releases: ReleaseRow;
  initiatives: InitiativeRow;
  features: FeatureRow;
  requirements: RequirementRow;
  attachments: AttachmentRow;
  custom_field_definitions: CustomFieldRow;
  integration_fields: IntegrationFieldRow;
}
export type RecordTable = keyof Rows;

/** Filled in by the writer from the action context. */
export type AuditColumn = 'version' | 'created_by' | 'updated_by' | 'created_at' | 'updated_at';
export type NewRow<T extends RecordTable> = Omit<Rows[T], AuditColumn>;
export type RowPatch<T extends RecordTable> = Partial<
  Omit<Rows[T], AuditColumn | 'id' | 'workspace_id'>
>;
