import { ROADMAP_FIELD_LABELS } from '@tandem/contracts';

/** A roadmap field key in the words the drawer uses (custom fields by their key). */
export function fieldLabel(key: string): string {
  return ROADMAP_FIELD_LABELS[key] ?? key.replace(/^custom:/, '');
}
