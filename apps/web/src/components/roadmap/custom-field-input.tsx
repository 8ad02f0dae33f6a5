import type { CustomFieldDefinition } from '@tandem/contracts';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

type Value = string | number | null;

/** One custom field's control, chosen by its type; `onChange` gets `null` for an empty value. */
export function CustomFieldInput({
  id,
  field,
  value,
  invalid,
  describedBy,
  onChange,
  onBlur,
  size = 'md',
}: {
  id: string;
  field: CustomFieldDefinition;
  value: Value | undefined;
  invalid?: boolean;
  describedBy?: string | undefined;
  onChange: (value: Value) => void;
  onBlur?: () => void;
  size?: 'sm' | 'md';
}) {
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
    onBlur,
  };
  if (field.type === 'select') {
    return (
      <Select
        {...common}
        density={size}
        invalid={Boolean(invalid)}
        value={value == null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value || null)}
      >
        <option value="">{field.required ? 'Choose…' : 'None'}</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    );
  }
  const text = value == null ? '' : String(value);
  return (
    <Input
      {...common}
      invalid={Boolean(invalid)}
      className={size === 'sm' ? 'h-8 text-[13px]' : undefined}
      type={field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text'}
      value={text}
      onChange={(e) => {
        const raw = e.target.value;
        if (raw === '') return onChange(null);
        if (field.type === 'number') {
          const n = Number(raw);
          return onChange(Number.isFinite(n) ? n : raw);
        }
        onChange(raw);
      }}
    />
  );
}

/** Required fields with no value, as `{ customFields.<key>: message }` like the BFF reports. */
export function missingRequiredFields(
  fields: readonly CustomFieldDefinition[],
  values: Record<string, Value | undefined>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.required && (value == null || String(value).trim() === '')) {
      errors[`customFields.${field.key}`] = `${field.label} is required`;
    }
  }
  return errors;
}
