import { clsx } from 'clsx';
import { CircleAlert, CircleCheck, Info, X } from 'lucide-react';
import { useEffect, useSyncExternalStore } from 'react';

export type ToastTone = 'info' | 'success' | 'error';
interface ToastItem {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string | undefined;
}

/** A tiny module store: any code may `toast(...)`; one `<Toaster />` on the page shows them. */
let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const l of listeners) l();
};

export function toast(title: string, options: { tone?: ToastTone; description?: string } = {}) {
  const item: ToastItem = {
    id: nextId++,
    tone: options.tone ?? 'info',
    title,
    description: options.description,
  };
  items = [...items.slice(-3), item];
  emit();
  return item.id;
}

export function dismissToast(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const icons = { info: Info, success: CircleCheck, error: CircleAlert } as const;
const iconTone = { info: 'text-accent-600', success: 'text-emerald-600', error: 'text-red-600' };

function ToastView({ item }: { item: ToastItem }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(item.id), item.tone === 'error' ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [item]);
  const Icon = icons[item.tone];
  return (
    <div className="pointer-events-auto flex w-80 gap-2.5 rounded-lg border border-zinc-200 bg-white px-3.5 py-3 text-sm shadow-lg shadow-zinc-900/10">
      <Icon className={clsx('mt-0.5 size-4 shrink-0', iconTone[item.tone])} aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="font-medium text-zinc-900">{item.title}</p>
        {item.description ? <p className="mt-0.5 text-zinc-500">{item.description}</p> : null}
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => dismissToast(item.id)}
        className="-mt-0.5 -mr-1 flex size-6 items-center justify-center rounded text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
      >
        <X className="size-3.5" aria-hidden="true" />
      </button>
    </div>
  );
}

export function Toaster() {
  const current = useSyncExternalStore(
    subscribe,
    () => items,
    () => items,
  );
  return (
    <section
      aria-label="Notifications"
      aria-live="polite"
      className="pointer-events-none fixed right-4 bottom-4 z-[60] flex flex-col items-end gap-2"
    >
      {current.map((item) => (
        <ToastView key={item.id} item={item} />
      ))}
    </section>
  );
}
