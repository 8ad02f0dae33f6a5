import { useState } from 'react';
import { RichText } from '@/components/connectors/rich-text';
import { Field, fieldControlProps } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { isApiError } from '@/lib/api-client';
import { useCreateIntegration } from '../../../api/create-integration';
import { useUpdateIntegration } from '../../../api/update-integration';
import { StepFrame } from '../../components/step-frame';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizard } from '../../hooks/wizard-context';
import { nextStepOf } from '../../utils/steps';
import { TemplateChoice } from './template-choice';

/** Step 1: a name people will recognise in *Send to…*, and optionally a template to start from. */
export function NameTemplateStep() {
  const { workspace, integration, presentation, goTo } = useWizard();
  const words = presentation.name;
  const [name, setName] = useStepDraft('name:name', () => integration?.name ?? words.defaultName);
  const [templateId, setTemplateId] = useStepDraft<string | null>(
    'name:template',
    () => integration?.templateId ?? null,
  );
  const [touched, setTouched] = useState(false);
  const next =
    nextStepOf(
      presentation.steps.map((s) => s.id),
      'name',
    ) ?? 'enable';
  const create = useCreateIntegration(workspace.id);
  const update = useUpdateIntegration(workspace.id);
  const error = create.error ?? update.error;
  const nameError =
    (touched && name.trim() === '' ? 'Give the integration a name' : undefined) ??
    (isApiError(error) ? error.fieldError('name') : undefined);

  const submit = async () => {
    setTouched(true);
    if (name.trim() === '') return;
    if (integration === null) {
      const created = await create.mutateAsync({
        system: presentation.system,
        name: name.trim(),
        ...(templateId ? { templateId } : {}),
      });
      // The name step is done: a reload from here on resumes at the account step.
      await update
        .mutateAsync({ integration: created, change: { wizardStep: next } })
        .catch(() => null);
      goTo(next, { integrationId: created.id });
      return;
    }
    if (name.trim() !== integration.name) {
      await update.mutateAsync({ integration, change: { name: name.trim() } });
    }
    goTo(next);
  };

  return (
    <StepFrame
      step="name"
      title="Name this integration"
      intro={
        <p>
          <RichText text={words.intro} />
        </p>
      }
      onSubmit={() => void submit().catch(() => null)}
      submitting={create.isPending || update.isPending}
      error={nameError ? null : error}
    >
      <Field id="integration-name" label="Integration name" error={nameError}>
        <Input
          {...fieldControlProps('integration-name', nameError)}
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => setTouched(true)}
        />
      </Field>
      <TemplateChoice value={templateId} onChange={setTemplateId} locked={integration !== null} />
    </StepFrame>
  );
}
