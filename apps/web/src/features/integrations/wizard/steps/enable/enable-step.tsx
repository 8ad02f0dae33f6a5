import { CircleCheck } from 'lucide-react';
import { Link } from 'react-router';
import { RichText } from '@/components/connectors/rich-text';
import { Alert } from '@/components/ui/alert';
import { paths } from '@/config/paths';
import { useEnableIntegration } from '../../../api/enable-integration';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { ChoiceCard } from './choice-card';

/** Step 8: how changes travel, then the integration goes live. */
export function EnableStep() {
  const { workspace, integration, presentation } = useWizardIntegration();
  const words = presentation.enable;
  const [sendMode, setSendMode] = useStepDraft<'auto' | 'approve'>(
    'enable:send',
    () => integration.settings.sendMode ?? 'auto',
  );
  const [importNew, setImportNew] = useStepDraft(
    'enable:import',
    () => integration.settings.importNewRecords ?? true,
  );
  const { save, saving, error } = useSaveStep('enable');
  const enable = useEnableIntegration(workspace.id);
  const enabled = integration.state === 'enabled';

  const submit = async () => {
    await save({ settings: { sendMode, importNewRecords: importNew } }, { advance: false });
    await enable.mutateAsync(integration.id);
  };

  return (
    <StepFrame
      step="enable"
      title="Choose how changes travel, then enable"
      intro={
        <p>
          <RichText text={words.intro} />
        </p>
      }
      onSubmit={() => void submit().catch(() => null)}
      submitLabel={enabled ? 'Save changes' : 'Save and enable'}
      submitting={saving || enable.isPending}
      error={error ?? enable.error}
    >
      {enabled ? (
        <div
          role="status"
          className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CircleCheck className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden="true" />
          <div>
            <p className="font-medium">{`${integration.name} is enabled`}</p>
            <p className="text-[13px]">
              <RichText
                text={words.tryIt}
                slots={{
                  name: integration.name,
                  board: (
                    <Link
                      className="underline"
                      to={paths.workspace.features.getHref(workspace.key)}
                    >
                      features board
                    </Link>
                  ),
                }}
              />
            </p>
          </div>
        </div>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">Changes made in Tandem</legend>
        <ChoiceCard
          name="send-mode"
          checked={sendMode === 'auto'}
          onSelect={() => setSendMode('auto')}
          title="Automatically send outgoing changes"
          text={words.sendAuto}
        />
        <ChoiceCard
          name="send-mode"
          checked={sendMode === 'approve'}
          onSelect={() => setSendMode('approve')}
          title="Approve outgoing changes"
          text="Changes wait in a list until someone looks at them and sends or discards them."
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold text-zinc-900">{words.importLegend}</legend>
        <ChoiceCard
          name="import-mode"
          checked={importNew}
          onSelect={() => setImportNew(true)}
          title="Automatically import new records"
          text={words.importAuto}
        />
        <ChoiceCard
          name="import-mode"
          checked={!importNew}
          onSelect={() => setImportNew(false)}
          title="Do not import new records"
          text={words.importNone}
        />
      </fieldset>
      <Alert tone="info" title="New to integrations?">
        <RichText text={words.recommendation} />
      </Alert>
    </StepFrame>
  );
}
