import type { FieldDef } from '@tandem/connector-kit';
import type { RemoteTypeDefinition } from '../../core/index.ts';

/** A connector's field definitions of one remote type, as the core's pre-flight and plans read them. */
export function toRemoteTypeDefinition(
  type: string,
  fields: readonly FieldDef[],
): RemoteTypeDefinition {
  return {
    type,
    fields: fields.map((f) => ({
      name: f.name,
      label: f.label,
      required: f.required,
      readOnly: f.readOnly,
      ...(f.allowedValues ? { allowedValues: f.allowedValues } : {}),
    })),
  };
}
