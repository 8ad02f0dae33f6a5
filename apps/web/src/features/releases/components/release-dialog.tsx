import type { Release, WorkflowStatus } from '@tandem/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { isApiError } from '@/lib/api-client';
import { useCreateRelease } from '../api/create-release';
import { useDeleteRelease } from '../api/delete-release';
import { useUpdateRelease } from '../api/update-release';
import { releaseDateErrors } from '../utils/release-dates';

/** Create a release (or a parking lot), or edit one: name, dates (checked), status. */
export function ReleaseDialog({
  workspaceId,
  release,
  statuses,
  onClose,
  onSaved,
}: {
  workspaceId: string;
  /** `null` to create one. */
  release: Release | null;
  statuses: readonly WorkflowStatus[];
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const id = useId();
  const create = useCreateRelease(workspaceId);
  const update = useUpdateRelease(workspaceId);
  const remove = useDeleteRelease(workspaceId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [parkingLot, setParkingLot] = useState(release?.parkingLot ?? false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const onError = (error: Error) => {
    if (isApiError(error) && error.fields.length > 0) {
      setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])));
    } else {
      setFormError(
        isApiError(error) && error.status === 409 && 'currentVersion' in error.details
          ? 'Someone else changed this release. Close and open it again to see their changes.'
          : error.message,
      );
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const startDate = parkingLot ? '' : String(data.get('startDate') ?? '');
    const releaseDate = parkingLot ? '' : String(data.get('releaseDate') ?? '');
    const statusId = String(data.get('statusId') ?? '') || undefined;
    const next = releaseDateErrors(startDate, releaseDate);
    if (!name) next.name = 'Name is required';
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length > 0) return;
    const dates = { startDate: startDate || null, releaseDate: releaseDate || null };
    if (release) {
      update.mutate(
        { release, change: { name, ...dates, ...(statusId ? { statusId } : {}) } },
        { onSuccess: () => onSaved(`${name} saved`), onError },
      );
    } else {
      create.mutate(
        { name, ...dates, statusId, parkingLot },
        { onSuccess: () => onSaved(`${name} created`), onError },
      );
    }
  };

  const control = (name: string) => fieldControlProps(`${id}-${name}`, errors[name]);
  const busy = create.isPending || update.isPending;

  return (
    <Dialog
      open
      onClose={onClose}
      title={release ? `Edit ${release.name}` : 'New release'}
      description={
        release
          ? undefined
          : 'A scheduled release has dates; a parking lot holds work that is not scheduled yet.'
      }
      footer={
        <>
          {release ? (
            <Button
              variant="ghost"
              className="mr-auto !text-red-600 hover:bg-red-50"
              loading={remove.isPending}
              onClick={() =>
                confirmingDelete
                  ? remove.mutate(release.id, {
                      onSuccess: () => onSaved(`${release.name} deleted`),
                      onError,
                    })
                  : setConfirmingDelete(true)
              }
            >
              {confirmingDelete ? 'Click again to delete' : 'Delete release'}
            </Button>
          ) : null}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form={`${id}-form`} loading={busy}>
            {release ? 'Save release' : 'Create release'}
          </Button>
        </>
      }
    >
      <form id={`${id}-form`} noValidate onSubmit={onSubmit} className="space-y-4 pb-2">
        {formError ? <Alert>{formError}</Alert> : null}
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          <Input
            {...control('name')}
            name="name"
            defaultValue={release?.name}
            autoFocus
            autoComplete="off"
            placeholder="e.g. 2.4 — Spring"
          />
        </Field>
        {release ? null : (
          <label className="flex items-center gap-2 text-[13px] text-zinc-700">
            <input
              type="checkbox"
              checked={parkingLot}
              onChange={(e) => setParkingLot(e.target.checked)}
              className="size-4 accent-accent-600"
            />
            Parking lot (no dates)
          </label>
        )}
        {parkingLot ? null : (
          <div className="grid grid-cols-2 gap-3">
            <Field id={`${id}-startDate`} label="Start date" error={errors.startDate}>
              <Input
                {...control('startDate')}
                type="date"
                name="startDate"
                defaultValue={release?.startDate ?? ''}
              />
            </Field>
            <Field id={`${id}-releaseDate`} label="Release date" error={errors.releaseDate}>
              <Input
                {...control('releaseDate')}
                type="date"
                name="releaseDate"
                defaultValue={release?.releaseDate ?? ''}
              />
            </Field>
          </div>
        )}
        {statuses.length > 0 ? (
          <Field id={`${id}-statusId`} label="Status" error={errors.statusId}>
            <Select
              {...control('statusId')}
              name="statusId"
              defaultValue={release?.statusId ?? statuses[0]?.id}
            >
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
