import {
  type CustomFieldDefinition,
  createFeatureRequestSchema,
  type Feature,
  type Release,
  type WorkflowStatus,
} from '@tandem/contracts';
import { type FormEvent, useId, useState } from 'react';
import { CustomFieldInput, missingRequiredFields } from '@/components/roadmap/custom-field-input';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { isApiError } from '@/lib/api-client';
import { useCreateFeature } from '../api/create-feature';

type Values = Record<string, string | number | null>;

/** Name, release, status and the workspace's required custom fields; errors shown per field. */
export function NewFeatureDialog({
  workspaceId,
  open,
  onClose,
  onCreated,
  releases,
  statuses,
  customFields,
  defaults,
}: {
  workspaceId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (feature: Feature) => void;
  releases: readonly Release[];
  statuses: readonly WorkflowStatus[];
  customFields: readonly CustomFieldDefinition[];
  defaults: { releaseId?: string | undefined; statusId?: string | undefined };
}) {
  const id = useId();
  const create = useCreateFeature(workspaceId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [values, setValues] = useState<Values>({});
  const required = customFields.filter((f) => f.required);

  const close = () => {
    setErrors({});
    setFormError(null);
    setValues({});
    create.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = {
      name: String(data.get('name') ?? '').trim(),
      releaseId: String(data.get('releaseId') ?? ''),
      statusId: String(data.get('statusId') ?? '') || undefined,
      customFields: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null)),
    };
    const next: Record<string, string> = { ...missingRequiredFields(required, values) };
    const parsed = createFeatureRequestSchema.safeParse(body);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) next[issue.path.join('.')] ??= issue.message;
    }
    if (!body.releaseId) next.releaseId = 'Choose a release';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length > 0) return;
    create.mutate(body, {
      onSuccess: (feature) => {
        close();
        onCreated(feature);
      },
      onError: (error) => {
        if (isApiError(error) && error.fields.length > 0) {
          setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
          setFormError('Check the highlighted fields.');
        } else {
          setFormError(error.message);
        }
      },
    });
  };

  const fieldId = (name: string) => `${id}-${name}`;
  const control = (name: string) => fieldControlProps(fieldId(name), errors[name]);

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New feature"
      description="Add the essentials now; everything else can be filled in from the feature itself."
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`${id}-form`} loading={create.isPending}>
            Create feature
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} noValidate onSubmit={onSubmit} className="space-y-4 pb-2">
        {formError ? <Alert>{formError}</Alert> : null}
        <Field id={fieldId('name')} label="Name" error={errors.name}>
          <Input
            {...control('name')}
            name="name"
            autoFocus
            autoComplete="off"
            placeholder="e.g. Sign in with Apple"
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field id={fieldId('releaseId')} label="Release" error={errors.releaseId}>
            <Select
              {...control('releaseId')}
              name="releaseId"
              defaultValue={defaults.releaseId ?? releases[0]?.id ?? ''}
            >
              {releases.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={fieldId('statusId')} label="Status" error={errors.statusId}>
            <Select
              {...control('statusId')}
              name="statusId"
              defaultValue={defaults.statusId ?? statuses[0]?.id ?? ''}
            >
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {required.map((field) => {
          const path = `customFields.${field.key}`;
          return (
            <Field
              key={field.id}
              id={fieldId(path)}
              label={`${field.label} *`}
              error={errors[path]}
            >
              <CustomFieldInput
                id={fieldId(path)}
                field={field}
                value={values[field.key]}
                invalid={Boolean(errors[path])}
                describedBy={errors[path] ? `${fieldId(path)}-error` : undefined}
                onChange={(value) => setValues((v) => ({ ...v, [field.key]: value }))}
              />
            </Field>
          );
        })}
        {required.length > 0 ? (
          <p className="text-[12px] text-zinc-500">* Required by this workspace.</p>
        ) : null}
      </form>
    </Dialog>
  );
}
