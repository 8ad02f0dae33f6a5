import { useNavigation } from 'react-router';

/**
 * A thin accent bar along the top while the next page loads. It fades in after a short delay,
 * so quick navigations do not flash.
 */
export function NavigationProgress() {
  const navigation = useNavigation();
  if (navigation.state === 'idle') return null;
  return (
    <div
      role="progressbar"
      aria-label="Loading page"
      className="animate-fade-in-delayed pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 overflow-hidden bg-accent-100"
    >
      <div className="animate-progress-slide h-full w-1/3 bg-accent-500" />
    </div>
  );
}
