import type { IntegrationTemplate } from '@tandem/contracts';
import { ArrowLeft, LayoutTemplate, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSystemList } from '@/api/connectors/get-connectors';
import { ContentLayout } from '@/components/layouts/content-layout';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useTemplates } from '../api/get-templates';
import { NewTemplateDialog } from './new-template-dialog';
import { TemplateDialog } from './template-dialog';
import { TemplateRow } from './template-row';

/**
 * Integration templates: the remote address, connection, client certificate and mappings set
 * once and shared by every integration made from them; a change reaches them all.
 */
export function TemplatesPage({
  workspace,
}: {
  workspace: { id: string; key: string; name: string };
}) {
  const templates = useTemplates();
  const systems = useSystemList();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<IntegrationTemplate | null>(null);
  return (
    <ContentLayout
      breadcrumb={`${workspace.name} · Settings · Integrations`}
      title="Integration templates"
      description={`Set the ${systems} address, connection, client certificate and mappings once; integrations made from a template share them, and changes to it reach every one.`}
      actions={
        <>
          <Link
            to={paths.workspace.settings.integrations.getHref(workspace.key)}
            className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900"
          >
            <ArrowLeft className="size-4" aria-hidden="true" />
            Integrations
          </Link>
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden="true" />
            New template
          </Button>
        </>
      }
    >
      {templates.isPending ? (
        <Spinner label="Loading templates" />
      ) : templates.isError ? (
        <Alert>{templates.error.message}</Alert>
      ) : templates.data.length === 0 ? (
        <EmptyState
          icon={LayoutTemplate}
          title="No templates yet"
          description={`Make one from an integration that works, or start empty and connect it to ${systems} on its own page.`}
        />
      ) : (
        <ul className="divide-y divide-zinc-100 rounded-xl border border-zinc-200 bg-white">
          {templates.data.map((t) => (
            <TemplateRow
              key={t.id}
              template={t}
              workspaceKey={workspace.key}
              onEdit={() => setEditing(t)}
            />
          ))}
        </ul>
      )}
      <NewTemplateDialog
        open={creating}
        onClose={() => setCreating(false)}
        // An empty template needs its account and connection next, on its own page.
        onCreated={(template, copied) =>
          copied
            ? undefined
            : navigate(paths.workspace.integrationTemplate.getHref(workspace.key, template.id))
        }
        workspaceId={workspace.id}
      />
      {editing ? (
        <TemplateDialog
          template={editing}
          pageHref={paths.workspace.integrationTemplate.getHref(workspace.key, editing.id)}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </ContentLayout>
  );
}
