import type { IntegrationTemplate } from '@tandem/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSystemName } from '@/api/connectors/get-connectors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { toast } from '@/components/ui/toast';
import { useUpdateTemplate } from '../api/update-template';

/** Edits a template's name and outgoing-changes mode; every integration made from it follows. */
export function TemplateDialog({
  template,
  pageHref,
  onClose,
}: {
  template: IntegrationTemplate;
  /** The template's own page, where its account, connection and certificate are set. */
  pageHref: string;
  onClose: () => void;
}) {
  const [name, setName] = useState(template.name);
  const [sendMode, setSendMode] = useState(template.settings.sendMode ?? 'auto');
  const update = useUpdateTemplate();
  const systemName = useSystemName();
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
                    settings: { sendMode },
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
          {`The ${systemName(template.system)} account, the connection and the client certificate are set on `}
          <Link to={pageHref} className="font-medium text-accent-700 underline">
            the template’s page
          </Link>
          .
        </p>
        {update.error ? <Alert>{update.error.message}</Alert> : null}
      </div>
    </Dialog>
  );
}
