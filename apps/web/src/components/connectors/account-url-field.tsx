import type { ConnectorPresentation } from '@tandem/contracts';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/**
 * The address of the remote account, labelled in the system's words. The server checks and
 * tidies it (the same rules for the wizard and for templates), so this only collects it.
 */
export function AccountUrlField({
  id,
  words,
  value,
  onChange,
  error,
  disabled = false,
  describedBy,
}: {
  id: string;
  words: ConnectorPresentation['account'];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled?: boolean;
  /** An explanation outside the field (e.g. why it is locked). */
  describedBy?: string;
}) {
  const control = fieldControlProps(id, error, !disabled);
  return (
    <Field id={id} label={words.label} error={error} hint={disabled ? undefined : words.hint}>
      <Input
        {...control}
        aria-describedby={
          [control['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined
        }
        type="url"
        inputMode="url"
        placeholder={words.placeholder}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
