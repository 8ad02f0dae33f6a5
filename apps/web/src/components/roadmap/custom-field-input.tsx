import type { CustomFieldDefinition } from '@tandem/contracts';
import type { ChangeEvent } from 'react';
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
  inline = false,
}: {
  id: string;
  field: CustomFieldDefinition;
  value: Value | undefined;
  invalid?: boolean;
  describedBy?: string | undefined;
  onChange: (value: Value) => void;
  onBlur?: () => void;
  size?: 'sm' | 'md';
  /** Borderless until hovered, for the drawer's property list. */
  inline?: boolean;
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
        appearance={inline ? 'ghost' : 'default'}
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
  const props = {
    ...common,
    type: field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text',
    value: text,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const raw = e.target.value;
      if (raw === '') return onChange(null);
      if (field.type === 'number') {
        const n = Number(raw);
        return onChange(Number.isFinite(n) ? n : raw);
      }
      onChange(raw);
    },
  };
  if (inline) {
    return (
      <input
        {...props}
        aria-invalid={invalid || undefined}
        placeholder={field.required ? 'Required' : 'Empty'}
        className="h-8 w-full rounded-md border border-transparent bg-transparent px-2.5 text-[13px] text-zinc-900 transition-colors placeholder:text-zinc-400 hover:border-zinc-200 hover:bg-zinc-50 focus:border-accent-500 focus:bg-white focus:ring-3 focus:ring-accent-500/20 focus:outline-none aria-invalid:border-red-400"
      />
    );
  }
  return (
    <Input
      {...props}
      invalid={Boolean(invalid)}
      className={size === 'sm' ? 'h-8 text-[13px]' : undefined}
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
