import { clsx } from 'clsx';
import { Search, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Select } from '@/components/ui/select';
import { eventLabel } from '../utils/event-labels';
import { LOG_LEVELS, type LogFilters, type LogLevel } from '../utils/log-filters';

const levelNames: Record<LogLevel, string> = {
  debug: 'Debug',
  info: 'Info',
  warn: 'Warnings',
  error: 'Errors',
};

const levelDot: Record<LogLevel, string> = {
  debug: 'bg-zinc-400',
  info: 'bg-accent-500',
  warn: 'bg-amber-500',
  error: 'bg-red-500',
};

/** Level toggles, event, free text and the record the log is narrowed to. */
export function LogFiltersBar({
  filters,
  events,
  recordLabel,
  onChange,
}: {
  filters: LogFilters;
  /** The events this integration has logged; the one filtered on is offered even if absent. */
  events: readonly string[];
  /** How the record filter names its record (APP-9 · Offline mode). */
  recordLabel: string;
  onChange: (change: Partial<LogFilters>) => void;
}) {
  const choices = [...new Set([...events, ...(filters.event ? [filters.event] : [])])].sort(
    (a, b) => eventLabel(a).localeCompare(eventLabel(b)),
  );
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ q: text }), 300);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const toggle = (level: LogLevel) =>
    onChange({
      levels: filters.levels.includes(level)
        ? filters.levels.filter((l) => l !== level)
        : [...filters.levels, level],
    });

  return (
    <search aria-label="Filter the log" className="mb-4 flex flex-wrap items-center gap-2">
      <fieldset className="flex items-center gap-0.5 rounded-lg bg-zinc-100 p-0.5">
        <legend className="sr-only">Levels</legend>
        {LOG_LEVELS.map((level) => {
          const on = filters.levels.includes(level);
          return (
            <label
              key={level}
              className={clsx(
                'flex h-7 cursor-pointer items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500',
                on
                  ? 'bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200'
                  : 'text-zinc-600 hover:text-zinc-900',
              )}
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={on}
                onChange={() => toggle(level)}
              />
              <span
                aria-hidden="true"
                className={clsx(
                  'size-2 rounded-full',
                  on ? levelDot[level] : 'bg-transparent ring-1 ring-zinc-400 ring-inset',
                )}
              />
              {levelNames[level]}
            </label>
          );
        })}
      </fieldset>
      <Select
        density="sm"
        aria-label="Event"
        value={filters.event}
        onChange={(e) => onChange({ event: e.target.value })}
        className="w-56"
      >
        <option value="">Any event</option>
        {choices.map((event) => (
          <option key={event} value={event}>
            {eventLabel(event)}
          </option>
        ))}
      </Select>
      <div className="relative min-w-48 flex-1">
        <Search
          className="pointer-events-none absolute top-1/2 left-2.5 size-3.5 -translate-y-1/2 text-zinc-400"
          aria-hidden="true"
        />
        <input
          type="search"
          aria-label="Search messages"
          placeholder="Search messages"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="h-8 w-full rounded-md border border-zinc-300 bg-white pr-3 pl-8 text-[13px] placeholder:text-zinc-400 hover:border-zinc-400 focus:border-accent-500 focus:ring-3 focus:ring-accent-500/20 focus:outline-none"
        />
      </div>
      {filters.recordId ? (
        <span className="inline-flex h-8 max-w-full min-w-0 items-center gap-1 rounded-md bg-accent-50 pr-1 pl-2.5 text-[13px] font-medium text-accent-700 ring-1 ring-accent-200 ring-inset">
          <span className="truncate">Only {recordLabel}</span>
          <button
            type="button"
            aria-label="Show every record"
            onClick={() => onChange({ recordId: '', recordType: '', recordRef: '' })}
            className="flex size-6 items-center justify-center rounded text-accent-600 hover:bg-accent-100"
          >
            <X className="size-3.5" aria-hidden="true" />
          </button>
        </span>
      ) : null}
    </search>
  );
}
