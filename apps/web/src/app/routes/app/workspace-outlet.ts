import type { Session, SessionWorkspace } from '@tandem/contracts';
import { useOutletContext } from 'react-router';

/** What the shell hands to every page inside a workspace. */
export interface WorkspaceOutletContext {
  session: Session;
  workspace: SessionWorkspace;
}

export function useWorkspaceOutlet(): WorkspaceOutletContext {
  return useOutletContext<WorkspaceOutletContext>();
}
