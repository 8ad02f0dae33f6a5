/**
 * Azure DevOps matches areas and resources case-insensitively (`workItems`, `WorkItems`,
 * `workitems`) and ignores a trailing slash. Routes are written in lower case; this lowers the known keywords of a path from
 * `_apis` on, leaving names and ids (projects, types, fields, node paths) as they came.
 */
const KEYWORDS = new Set(
  [
    '_apis',
    'wit',
    'core',
    'location',
    'hooks',
    'resourceareas',
    'connectiondata',
    'projects',
    'teams',
    'process',
    'processes',
    'workitems',
    'workitemsbatch',
    'workitemtypes',
    'states',
    'fields',
    'classificationnodes',
    'attachments',
    'revisions',
    'updates',
    'recyclebin',
    'wiql',
    'workitemrelationtypes',
    'subscriptions',
    'subscriptionsquery',
    'notifications',
    'publishers',
    'eventtypes',
    'consumers',
    '_workitems',
    'edit',
  ].map((k) => k.toLowerCase()),
);

export function canonicalPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const query = url.indexOf('?', start);
  const raw = start < 0 ? '/' : url.slice(start, query < 0 ? undefined : query);
  // Not strict about a trailing slash, as the service is not.
  const path = raw.length > 1 && raw.endsWith('/') ? raw.slice(0, -1) : raw;
  const lower = path.toLowerCase();
  const at = lower.indexOf('/_apis');
  const edit = lower.indexOf('/_workitems/');
  const from = at >= 0 ? at : edit;
  if (from < 0) return path;
  const head = path.slice(0, from);
  const tail = path
    .slice(from)
    .split('/')
    .map((segment) => (KEYWORDS.has(segment.toLowerCase()) ? segment.toLowerCase() : segment))
    .join('/');
  return head + tail;
}
