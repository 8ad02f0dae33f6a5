import type { ConnectorPresentation, Integration, WizardStep } from '@tandem/contracts';
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';

export interface WizardWorkspace {
  id: string;
  key: string;
  name: string;
}

export interface WizardContextValue {
  workspace: WizardWorkspace;
  /** `null` while the name step creates it. */
  integration: Integration | null;
  /** The system's steps and words: everything the shell and the steps say comes from it. */
  presentation: ConnectorPresentation;
  /** Opens another step's URL (of another integration right after the name step created it). */
  goTo: (step: WizardStep, options?: { integrationId?: string; search?: string }) => void;
  /** Unsaved values per step, kept while the wizard is open, so Back and forth loses nothing. */
  drafts: Map<string, unknown>;
}

const WizardContext = createContext<WizardContextValue | null>(null);

export function WizardProvider({
  value,
  children,
}: {
  value: Omit<WizardContextValue, 'drafts'>;
  children: ReactNode;
}) {
  const drafts = useRef(new Map<string, unknown>()).current;
  const full = useMemo(() => ({ ...value, drafts }), [value, drafts]);
  return <WizardContext value={full}>{children}</WizardContext>;
}

export function useWizard(): WizardContextValue {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error('Wizard steps must be inside <WizardProvider>');
  return ctx;
}

/** A wizard that has got past the name step always has its integration. */
export function useWizardIntegration(): WizardContextValue & { integration: Integration } {
  const ctx = useWizard();
  if (!ctx.integration) throw new Error('This step needs a saved integration');
  return ctx as WizardContextValue & { integration: Integration };
}

/** The remote system's name, as the wizard's screens say it ("<name> field", "<name> state"). */
export function useRemoteName(): string {
  return useWizard().presentation.displayName;
}
