import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { useWizard } from '../hooks/wizard-context';

/** A discovery list the remote would not give: what it said, and a way to try again. */
export function RemoteLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const words = useWizard().presentation.authorize.loadError;
  const message = isApiError(error) ? error.message : words.unreachable;
  return (
    <Alert title={words.title}>
      <p>{message}</p>
      <Button size="sm" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
