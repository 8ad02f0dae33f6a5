import { useCallback, useState } from 'react';
import { useWizard } from './wizard-context';

/**
 * A step's unsaved value: starts from what the server saved, and survives going to another step
 * and back while the wizard is open (reloading starts from the server again).
 */
export function useStepDraft<T>(key: string, initial: () => T): [T, (next: T) => void] {
  const { drafts, integration } = useWizard();
  const draftKey = `${integration?.id ?? 'new'}:${key}`;
  const [value, setValue] = useState<T>(() =>
    drafts.has(draftKey) ? (drafts.get(draftKey) as T) : initial(),
  );
  const set = useCallback(
    (next: T) => {
      drafts.set(draftKey, next);
      setValue(next);
    },
    [drafts, draftKey],
  );
  return [value, set];
}
