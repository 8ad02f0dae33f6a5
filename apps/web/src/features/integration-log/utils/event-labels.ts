/** What each event of the log is, in plain words; an event not named here reads from its code. */
const LABELS: Record<string, string> = {
  approval: 'Waiting for approval',
  auth: 'Authorization',
  conflict: 'Conflicts',
  http: 'HTTP calls',
  import: 'Imports',
  import_candidate: 'Import candidates',
  installed: 'Installed',
  link_broken: 'Broken links',
  linked: 'Linked records',
  oauth: 'Sign-in (OAuth)',
  poll: 'Checks for changes',
  ready: 'Ready',
  receive: 'Changes received',
  resolve: 'Conflicts resolved',
  send_blocked: 'Sends refused before sending',
  send_failed: 'Failed sends',
  send_up_to_date: 'Sends with nothing to send',
  settings: 'Settings changes',
  sync: 'Changes sent',
  webhook: 'Webhooks received',
};

export function eventLabel(event: string): string {
  const known = LABELS[event];
  if (known) return known;
  const words = event.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : event;
}
