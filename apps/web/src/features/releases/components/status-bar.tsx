import type { WorkflowStatus } from '@tandem/contracts';
import { categoryColors } from '@/components/roadmap/status-dot';

/**
 * A release's features per status as one thin stacked bar, in workflow order, with a text
 * summary for screen readers and a tooltip per segment.
 */
export function StatusBar({
  counts,
  statuses,
}: {
  counts: ReadonlyMap<string, number>;
  statuses: readonly WorkflowStatus[];
}) {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const parts = statuses
    .map((s) => ({ status: s, count: counts.get(s.id) ?? 0 }))
    .filter((p) => p.count > 0);
  const summary = parts.map((p) => `${p.count} ${p.status.name}`).join(', ');
  return (
    <div className="w-full">
      <div
        role="img"
        aria-label={total ? `${total} features: ${summary}` : 'No features'}
        className="flex h-1.5 w-full overflow-hidden rounded-full bg-zinc-100"
      >
        {parts.map(({ status, count }) => (
          <span
            key={status.id}
            title={`${count} ${status.name}`}
            className="h-full first:rounded-l-full last:rounded-r-full"
            style={{
              width: `${(count / total) * 100}%`,
              background: status.color || categoryColors[status.category],
            }}
          />
        ))}
      </div>
    </div>
  );
}
