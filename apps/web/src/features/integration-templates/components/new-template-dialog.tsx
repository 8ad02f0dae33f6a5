import type { IntegrationTemplate } from '@tandem/contracts';
import { useState } from 'react';
import { useConnectors, useSystemList } from '@/api/connectors/get-connectors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useCreateTemplate } from '../api/create-template';
import { useSourceIntegrations } from '../api/get-source-integrations';

/** A new template, usually copied from an integration that already works. */
export function NewTemplateDialog({
  open,
  onClose,
  onCreated,
  workspaceId,
}: {
  open: boolean;
  onClose: () => void;
  /** `copied`: it took an integration's settings and connection. */
  onCreated: (template: IntegrationTemplate, copied: boolean) => void;
  workspaceId: string;
}) {
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const sources = useSourceIntegrations(workspaceId);
  const create = useCreateTemplate();
  const systems = useSystemList();
  const connectors = useConnectors();
  // A copy takes its integration's system; an empty template the first registered one.
  const system =
    (sources.data ?? []).find((i) => i.id === from)?.system ?? connectors.data?.[0]?.system;
  const nameError = isApiError(create.error) ? create.error.fieldError('name') : undefined;
  const close = () => {
    setName('');
    setFrom('');
    create.reset();
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title="New integration template"
      description={`Integrations made from it share its ${systems} address, connection, client certificate and mappings.`}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            loading={create.isPending}
            disabled={name.trim() === '' || !system}
            onClick={() =>
              system &&
              create.mutate(
                {
                  system,
                  name: name.trim(),
                  workspaceId,
                  ...(from ? { fromIntegrationId: from } : {}),
                },
                {
                  onSuccess: (template) => {
                    toast('Template created', { tone: 'success' });
                    close();
                    onCreated(template, Boolean(from));
                  },
                },
              )
            }
          >
            Create template
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field id="template-name" label="Template name" error={nameError}>
          <Input
            {...fieldControlProps('template-name', nameError)}
            value={name}
            maxLength={80}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          id="template-source"
          label="Copy settings and connection from"
          hint={`The template takes that integration's ${systems} address, connection, certificate and mappings.`}
        >
          <Select
            {...fieldControlProps('template-source', undefined, true)}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          >
            <option value="">Nothing — start empty</option>
            {(sources.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </Select>
        </Field>
        {create.error && !nameError ? <Alert>{create.error.message}</Alert> : null}
      </div>
    </Dialog>
  );
}
