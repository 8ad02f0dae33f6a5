/** Area and iteration trees: finding nodes by path and the two ways a path is spelled. */
import type { ClassificationNode, StructureType } from './model.ts';

export const structureSegment = (t: StructureType) => (t === 'area' ? 'Area' : 'Iteration');

/** Descend from the root by `/`- or `\`-separated names (case-insensitive); '' is the root. */
export function findByRelativePath(
  root: ClassificationNode,
  relative: string,
): ClassificationNode | undefined {
  const parts = relative.split(/[\\/]/).filter(Boolean);
  let node: ClassificationNode | undefined = root;
  for (const part of parts) {
    const key = part.toLowerCase();
    node = node.children.find((c) => c.name.toLowerCase() === key);
    if (!node) return undefined;
  }
  return node;
}

/** A field value (`Project\Web\Frontend`, the project root included) → the node. */
export function findByFieldPath(
  root: ClassificationNode,
  value: string,
): ClassificationNode | undefined {
  const parts = value.split('\\');
  if (parts[0]?.toLowerCase() !== root.name.toLowerCase()) return undefined;
  return findByRelativePath(root, parts.slice(1).join('\\'));
}

/** Every node with its field path (`Project\A\B`), depth first. */
export function* walk(
  root: ClassificationNode,
  prefix = root.name,
): Generator<{ node: ClassificationNode; fieldPath: string; relative: string[] }> {
  const stack: Array<{ node: ClassificationNode; fieldPath: string; relative: string[] }> = [
    { node: root, fieldPath: prefix, relative: [] },
  ];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    yield entry;
    for (const child of [...entry.node.children].reverse()) {
      stack.push({
        node: child,
        fieldPath: `${entry.fieldPath}\\${child.name}`,
        relative: [...entry.relative, child.name],
      });
    }
  }
}

/** Whether `value` is `under` or below it (WIQL UNDER, hook area filters); case-insensitive. */
export function isUnder(value: string, under: string): boolean {
  const v = value.toLowerCase();
  const u = under.toLowerCase().replace(/\\+$/, '');
  return v === u || v.startsWith(`${u}\\`);
}
