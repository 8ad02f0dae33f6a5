import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';

/** A discovery list that Rally would not give: what it said, and a way to try again. */
export function RemoteLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = isApiError(error) ? error.message : 'Rally could not be reached.';
  return (
    <Alert title="Could not load this list from Rally">
      <p>{message}</p>
      <Button size="sm" className="mt-2" onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}
