import { clsx } from 'clsx';
import { LayoutTemplate } from 'lucide-react';
import { useWizard } from '../../hooks/wizard-context';
import { useTemplates } from './api/get-templates';

/**
 * The optional template of the same system: its address, connection, certificate and mappings
 * become this integration's, and later changes to the template reach it too.
 */
export function TemplateChoice({
  value,
  onChange,
  locked,
}: {
  value: string | null;
  onChange: (templateId: string | null) => void;
  /** A template is chosen when the integration is created; afterwards it is shown, not changed. */
  locked: boolean;
}) {
  const { presentation } = useWizard();
  const templates = useTemplates();
  const ofSystem = (templates.data ?? []).filter((t) => t.system === presentation.system);
  if (templates.isPending) return null;
  if (ofSystem.length === 0 && !value) {
    return (
      <p className="flex items-center gap-2 text-[13px] text-zinc-500">
        <LayoutTemplate className="size-4" aria-hidden="true" />
        {presentation.name.noTemplates}
      </p>
    );
  }
  const options = [
    { id: '', name: 'No template', detail: 'Enter everything in the next steps' },
  ].concat(
    ofSystem.map((t) => ({
      id: t.id,
      name: t.name,
      detail: [
        t.settings.accountUrl ?? 'No account yet',
        t.hasCredentials ? 'connected' : 'not connected',
        t.hasClientCertificate ? 'client certificate' : null,
        `used by ${t.usedBy}`,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  );
  return (
    <fieldset className="space-y-2" disabled={locked}>
      <legend className="mb-1.5 text-[13px] font-medium text-zinc-700">Template (optional)</legend>
      {locked ? (
        <p className="text-[13px] text-zinc-500">
          The template is chosen when the integration is created.
        </p>
      ) : null}
      {options.map((option) => (
        <label
          key={option.id || 'none'}
          className={clsx(
            'flex cursor-pointer items-start gap-3 rounded-lg border px-3 py-2.5 text-sm',
            (value ?? '') === option.id ? 'border-accent-400 bg-accent-50/60' : 'border-zinc-200',
          )}
        >
          <input
            type="radio"
            name="template"
            className="mt-1"
            checked={(value ?? '') === option.id}
            onChange={() => onChange(option.id || null)}
          />
          <span>
            <span className="block font-medium text-zinc-900">{option.name}</span>
            <span className="block text-[13px] text-zinc-600">{option.detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
