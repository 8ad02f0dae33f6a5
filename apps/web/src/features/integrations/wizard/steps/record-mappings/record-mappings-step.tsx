import type { RecordMapping } from '@tandem/contracts';
import { Spinner } from '@/components/ui/spinner';
import { RemoteLoadError } from '../../components/remote-load-error';
import { useWizardIntegration } from '../../hooks/wizard-context';
import { useMappingDefaults } from './api/get-mapping-defaults';
import { MappingsEditor } from './mappings-editor';

/** Step 6: starts from what was saved, or from Tandem's suggested mappings on the first visit. */
export function RecordMappingsStep() {
  const { workspace, integration } = useWizardIntegration();
  const saved = integration.settings.recordMappings as RecordMapping[] | undefined;
  const defaults = useMappingDefaults(workspace.id, integration.id, saved === undefined);
  if (saved) return <MappingsEditor initial={saved} />;
  if (defaults.isPending) return <Spinner label="Loading suggested mappings" />;
  if (defaults.isError) {
    return <RemoteLoadError error={defaults.error} onRetry={() => void defaults.refetch()} />;
  }
  return <MappingsEditor initial={defaults.data} />;
}
