import type { WorkflowStatus } from '@tandem/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { isApiError } from '@/lib/api-client';
import { useCreateInitiative } from '../api/create-initiative';

export function NewInitiativeDialog({
  workspaceId,
  statuses,
  onClose,
  onCreated,
}: {
  workspaceId: string;
  statuses: readonly WorkflowStatus[];
  onClose: () => void;
  onCreated: (name: string) => void;
}) {
  const id = useId();
  const create = useCreateInitiative(workspaceId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const statusId = String(data.get('statusId') ?? '') || undefined;
    setFormError(null);
    if (!name) return setErrors({ name: 'Name is required' });
    setErrors({});
    create.mutate(
      { name, statusId },
      {
        onSuccess: () => onCreated(name),
        onError: (error) =>
          isApiError(error) && error.fields.length
            ? setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])))
            : setFormError(error.message),
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="New initiative"
      description="A strategic goal that features across workspaces can contribute to."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`${id}-form`} loading={create.isPending}>
            Create initiative
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} noValidate onSubmit={onSubmit} className="space-y-4 pb-2">
        {formError ? <Alert>{formError}</Alert> : null}
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          <Input
            {...fieldControlProps(`${id}-name`, errors.name)}
            name="name"
            autoFocus
            autoComplete="off"
          />
        </Field>
        {statuses.length > 0 ? (
          <Field id={`${id}-status`} label="Status">
            <Select id={`${id}-status`} name="statusId" defaultValue={statuses[0]?.id}>
              {statuses.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </form>
    </Dialog>
  );
}
