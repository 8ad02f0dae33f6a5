/**
 * Rally record types as the port names them (their WSAPI `TypePath`), and how each one is
 * addressed: its URL path, its webhook type name, its browser detail link and its parent field.
 */

export const recordTypeIds = [
  'PortfolioItem/Initiative',
  'PortfolioItem/Feature',
  'HierarchicalRequirement',
  'Defect',
  'Task',
  'Release',
] as const;

/** `PortfolioItem/Feature` → `portfolioitem/feature`. */
export function typePath(type: string): string {
  return type.toLowerCase();
}

export function isPortfolioItem(type: string): boolean {
  return /^portfolioitem\//i.test(type);
}

/** The name Rally's webhooks use: portfolio levels by their own name (`Feature`). */
export function webhookTypeName(type: string): string {
  return isPortfolioItem(type) ? type.slice('PortfolioItem/'.length) : type;
}

const plainTypes = new Map(
  ['HierarchicalRequirement', 'Defect', 'Task', 'Release', 'Iteration', 'TestCase'].map((t) => [
    t.toLowerCase(),
    t,
  ]),
);

/** From a webhook `object_type` or a `_type` back to the port's type id. */
export function typeFromRallyName(name: string): string {
  const lower = name.toLowerCase();
  const plain = plainTypes.get(lower);
  if (plain) return plain;
  if (lower.startsWith('portfolioitem/')) {
    const level = name.slice('PortfolioItem/'.length);
    return `PortfolioItem/${level.charAt(0).toUpperCase()}${level.slice(1)}`;
  }
  return `PortfolioItem/${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/** The path segment of Rally's own detail pages (`#/detail/userstory/123`). */
export function detailSlug(type: string): string {
  if (type === 'HierarchicalRequirement') return 'userstory';
  return type.toLowerCase();
}

/** The field of `child` that points at a parent of `parentType`, or `null` when none does. */
export function parentField(childType: string, parentType: string): string | null {
  if (parentType === 'Release') {
    const scheduled = ['HierarchicalRequirement', 'Defect', 'PortfolioItem/Feature'];
    return scheduled.includes(childType) ? 'Release' : null;
  }
  if (childType === 'HierarchicalRequirement') {
    if (isPortfolioItem(parentType)) return 'PortfolioItem';
    if (parentType === 'HierarchicalRequirement') return 'Parent';
    return null;
  }
  if (isPortfolioItem(childType)) return isPortfolioItem(parentType) ? 'Parent' : null;
  if (childType === 'Task') {
    return parentType === 'HierarchicalRequirement' || parentType === 'Defect'
      ? 'WorkProduct'
      : null;
  }
  if (childType === 'Defect')
    return parentType === 'HierarchicalRequirement' ? 'Requirement' : null;
  return null;
}

/** Fields that may hold a record's structural parent, first match wins. */
export function parentFieldsOf(type: string): readonly string[] {
  if (type === 'HierarchicalRequirement') return ['PortfolioItem', 'Parent'];
  if (isPortfolioItem(type)) return ['Parent'];
  if (type === 'Task') return ['WorkProduct'];
  if (type === 'Defect') return ['Requirement'];
  return [];
}
