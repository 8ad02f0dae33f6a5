import type { Integration } from '@tandem/contracts';
import { useSystemName } from '@/api/connectors/get-connectors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { toast } from '@/components/ui/toast';
import { useDeleteIntegration } from '../api/delete-integration';

/** Deleting asks first and says plainly what stays: the roadmap records and their logs. */
export function DeleteIntegrationDialog({
  open,
  onClose,
  workspaceId,
  integration,
  onDeleted,
}: {
  open: boolean;
  onClose: () => void;
  workspaceId: string;
  integration: Integration;
  onDeleted?: (() => void) | undefined;
}) {
  const mutation = useDeleteIntegration(workspaceId);
  const system = useSystemName()(integration.system);
  return (
    <Dialog
      className="text-left"
      open={open}
      onClose={onClose}
      title={`Delete ${integration.name}?`}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="danger"
            loading={mutation.isPending}
            onClick={() =>
              mutation.mutate(integration.id, {
                onSuccess: () => {
                  toast(`${integration.name} deleted`, { tone: 'success' });
                  onClose();
                  onDeleted?.();
                },
              })
            }
          >
            Delete integration
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm text-zinc-700">
        <p>
          {`Tandem stops sending to and receiving from ${system} for this integration, and removes the webhooks it registered there.`}
        </p>
        <p>
          <strong>Your roadmap records and their integration logs are kept.</strong> The records
          {` already in ${system} stay there too; they are just no longer linked.`}
        </p>
        {mutation.error ? <Alert>{mutation.error.message}</Alert> : null}
      </div>
    </Dialog>
  );
}
