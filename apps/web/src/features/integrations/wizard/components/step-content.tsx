import type { WizardStep } from '@tandem/contracts';
import { AccountUrlStep } from '../steps/account-url/account-url-step';
import { AuthorizeStep } from '../steps/authorize/authorize-step';
import { EnableStep } from '../steps/enable/enable-step';
import { NameTemplateStep } from '../steps/name-template/name-template-step';
import { ProjectStep } from '../steps/project/project-step';
import { RecordMappingsStep } from '../steps/record-mappings/record-mappings-step';
import { StatusMappingStep } from '../steps/status-mapping/status-mapping-step';
import { WorkspaceStep } from '../steps/workspace/workspace-step';

const STEPS: Record<WizardStep, () => React.JSX.Element> = {
  name: NameTemplateStep,
  account: AccountUrlStep,
  authorize: AuthorizeStep,
  workspace: WorkspaceStep,
  project: ProjectStep,
  mappings: RecordMappingsStep,
  statuses: StatusMappingStep,
  enable: EnableStep,
};

/** The open step's form; each lives in its own folder under `steps/`. */
export function StepContent({ step }: { step: WizardStep }) {
  const Step = STEPS[step];
  return <Step />;
}
