import type { IntegrationTemplate } from '@tandem/contracts';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { isApiError } from '@/lib/api-client';
import { useUpdateTemplate } from '../api/update-template';

/** Edits a template's shared settings; every integration made from it follows. */
export function TemplateDialog({
  template,
  onClose,
}: {
  template: IntegrationTemplate;
  onClose: () => void;
}) {
  const [name, setName] = useState(template.name);
  const [accountUrl, setAccountUrl] = useState(template.settings.accountUrl ?? '');
  const [sendMode, setSendMode] = useState(template.settings.sendMode ?? 'auto');
  const update = useUpdateTemplate();
  const urlError = isApiError(update.error)
    ? update.error.fieldError('settings.accountUrl')
    : undefined;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${template.name}`}
      description={
        template.usedBy > 0
          ? `Changes reach the ${template.usedBy} ${template.usedBy === 1 ? 'integration' : 'integrations'} made from this template.`
          : 'No integration uses this template yet.'
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                {
                  template,
                  change: {
                    name: name.trim(),
                    settings: {
                      ...(accountUrl.trim() ? { accountUrl: accountUrl.trim() } : {}),
                      sendMode,
                    },
                  },
                },
                {
                  onSuccess: () => {
                    toast('Template saved', { tone: 'success' });
                    onClose();
                  },
                },
              )
            }
          >
            Save
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field id="edit-template-name" label="Template name">
          <Input id="edit-template-name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="edit-template-url" label="Rally account URL" error={urlError}>
          <Input
            {...fieldControlProps('edit-template-url', urlError)}
            type="url"
            value={accountUrl}
            onChange={(e) => setAccountUrl(e.target.value)}
          />
        </Field>
        <Field id="edit-template-send" label="Outgoing changes">
          <Select
            id="edit-template-send"
            value={sendMode}
            onChange={(e) => setSendMode(e.target.value as 'auto' | 'approve')}
          >
            <option value="auto">Automatically send outgoing changes</option>
            <option value="approve">Approve outgoing changes</option>
          </Select>
        </Field>
        <p className="text-[13px] text-zinc-600">
          {template.hasCredentials
            ? 'Connection: set (copied from an integration).'
            : 'Connection: not set. Create the template from a connected integration to share its connection.'}{' '}
          {template.hasClientCertificate
            ? 'Client certificate: set.'
            : 'Client certificate: not set.'}
        </p>
        {update.error && !urlError ? <Alert>{update.error.message}</Alert> : null}
      </div>
    </Dialog>
  );
}
