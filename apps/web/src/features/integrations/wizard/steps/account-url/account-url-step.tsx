import { Lock } from 'lucide-react';
import { AccountUrlField } from '@/components/connectors/account-url-field';
import { RichText } from '@/components/connectors/rich-text';
import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-client';
import { StepFrame } from '../../components/step-frame';
import { useSaveStep } from '../../hooks/use-save-step';
import { useStepDraft } from '../../hooks/use-step-draft';
import { useWizardIntegration } from '../../hooks/wizard-context';

/** The address of the remote account, in the system's words; fixed once anything has synced. */
export function AccountUrlStep() {
  const { integration, presentation } = useWizardIntegration();
  const words = presentation.account;
  const [url, setUrl] = useStepDraft('account:url', () => integration.settings.accountUrl ?? '');
  const { save, saving, error } = useSaveStep('account');
  const locked = integration.accountLocked;
  const fieldError = isApiError(error) ? error.fieldError('settings.accountUrl') : undefined;
  const empty = url.trim() === '';
  // Credentials are bound to the address they were granted for: a new address drops them.
  const dropsConnection =
    !locked &&
    !empty &&
    integration.connection !== null &&
    !integration.connection.fromTemplate &&
    url.trim() !== (integration.settings.accountUrl ?? '');

  const submit = () => {
    if (locked || url.trim() === integration.settings.accountUrl) {
      // Nothing to change: the saved address stays, only the step moves on.
      void save({}).catch(() => null);
      return;
    }
    void save({ settings: { accountUrl: url.trim() } }).catch(() => null);
  };

  return (
    <StepFrame
      step="account"
      title={words.heading}
      intro={
        <p>
          <RichText
            text={words.intro}
            slots={{ example: <code className="rounded bg-zinc-100 px-1">{words.example}</code> }}
          />
        </p>
      }
      onSubmit={submit}
      submitting={saving}
      canSubmit={locked || !empty}
      error={fieldError ? null : error}
      aside={
        dropsConnection ? (
          <Alert tone="warning">
            Tandem is connected to {integration.settings.accountUrl} now. Saving a different address
            removes that connection: its credentials only ever go to the site they were given for.
            You connect again on the next step.
          </Alert>
        ) : integration.templateId && !locked ? (
          <Alert tone="info">This address comes from the integration's template.</Alert>
        ) : null
      }
    >
      <AccountUrlField
        id="account-url"
        words={words}
        value={url}
        onChange={setUrl}
        error={fieldError}
        disabled={locked}
        {...(locked ? { describedBy: 'account-url-locked' } : {})}
      />
      {locked ? (
        <p id="account-url-locked" className="flex items-start gap-2 text-[13px] text-zinc-600">
          <Lock className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          {words.lockedText}
        </p>
      ) : null}
    </StepFrame>
  );
}
