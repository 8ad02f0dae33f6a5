/**
 * Builds the protocol's records (aha-services shape) from what the port sends: remote field names
 * are the protocol's keys (`name`, `description`, `workflow_status`, `release_date`, …) and a
 * feature's `release` field holds its release's remote id.
 */
import type { IntegrationField } from '@tandem/service-kit/protocol';

export interface Draft {
  handle: string;
  fields: Record<string, unknown>;
  integrationFields: Record<string, string>;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value == null ? '' : String(value);
const richText = (value: unknown) => ({ body: text(value), attachments: [] });
const status = (value: unknown) => (value ? { id: text(value), name: text(value) } : null);
const date = (value: unknown) => (value == null || value === '' ? null : text(value).slice(0, 10));

export function integrationFieldsOf(draft: Draft, service: string): IntegrationField[] {
  return Object.entries(draft.integrationFields).map(([name, value]) => ({
    name,
    value,
    service_name: service,
  }));
}

function base(draft: Draft, service: string) {
  return {
    id: draft.handle,
    reference_num: text(draft.fields.reference_num) || draft.handle,
    name: text(draft.fields.name),
    workflow_status: status(draft.fields.workflow_status),
    integration_fields: integrationFieldsOf(draft, service),
  };
}

export function releasePayload(release: Draft, service: string) {
  return {
    ...base(release, service),
    release_date: date(release.fields.release_date),
    start_date: date(release.fields.start_date),
    theme: richText(release.fields.description),
  };
}

export function requirementPayload(requirement: Draft, service: string) {
  return {
    ...base(requirement, service),
    description: richText(requirement.fields.description),
    attachments: [],
  };
}

export function featurePayload(
  feature: Draft,
  release: Draft | undefined,
  requirements: readonly Draft[],
  service: string,
) {
  return {
    ...base(feature, service),
    description: richText(feature.fields.description),
    attachments: [],
    release: release
      ? {
          id: release.handle,
          reference_num: text(release.fields.reference_num) || release.handle,
          name: text(release.fields.name),
          release_date: date(release.fields.release_date),
          integration_fields: integrationFieldsOf(release, service),
        }
      : null,
    requirements: requirements.map((r) => requirementPayload(r, service)),
  };
}
