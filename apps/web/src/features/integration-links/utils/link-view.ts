import type { RecordLink } from '@tandem/contracts';

export type LinkTone = 'linked' | 'busy' | 'failed' | 'attention' | 'none';

export interface LinkView {
  tone: LinkTone;
  /** Short words for the state, e.g. "Sending…" or "Send failed". */
  label: string;
}

/** How one record's link to one integration reads on screen. */
export function linkView(link: RecordLink): LinkView {
  switch (link.state) {
    case 'linked':
      return { tone: 'linked', label: 'Linked' };
    case 'create_pending':
      return { tone: 'busy', label: `Sending to ${link.integrationName}…` };
    case 'update_pending':
      return { tone: link.formattedId ? 'linked' : 'busy', label: 'Changes waiting to send' };
    case 'awaiting_approval':
      return { tone: 'attention', label: 'Changes waiting for approval' };
    case 'conflict':
      return { tone: 'attention', label: 'Changed on both sides' };
    case 'failed':
      return { tone: 'failed', label: 'Send failed' };
    case 'link_broken':
      return { tone: 'attention', label: 'Link broken' };
    default:
      return { tone: 'none', label: 'Not sent yet' };
  }
}
