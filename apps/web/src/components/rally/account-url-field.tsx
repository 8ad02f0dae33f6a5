import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/**
 * The address of the Rally site. The server checks and tidies it (the same rules for the wizard
 * and for templates), so this only collects it.
 */
export function AccountUrlField({
  id,
  value,
  onChange,
  error,
  disabled = false,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled?: boolean;
  /** An explanation outside the field (e.g. why it is locked). */
  describedBy?: string;
}) {
  const control = fieldControlProps(id, error, !disabled);
  return (
    <Field
      id={id}
      label="Rally account URL"
      error={error}
      hint={disabled ? undefined : 'Starts with https://'}
    >
      <Input
        {...control}
        aria-describedby={
          [control['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined
        }
        type="url"
        inputMode="url"
        placeholder="https://rally1.rallydev.com"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
