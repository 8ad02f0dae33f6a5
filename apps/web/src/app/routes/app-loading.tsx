import { LogoMark } from '@/components/ui/logo';
import { Spinner } from '@/components/ui/spinner';

/** Shown while the first route's data loads (usually a blink). */
export function AppLoading() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-zinc-50">
      <LogoMark className="size-9" />
      <Spinner className="text-zinc-400" label="Loading Tandem" />
    </div>
  );
}
