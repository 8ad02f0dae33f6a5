import { type LiveEvent, liveEventSchema } from '@tandem/contracts';
import { env } from '@/config/env';

/**
 * What a subscriber hears: an event, or `resync` when it cannot know what changed (the stream
 * came back after a gap, or an event this client does not understand) and should refetch.
 */
export type LiveMessage = { kind: 'event'; event: LiveEvent } | { kind: 'resync' };
export type LiveListener = (message: LiveMessage) => void;

/** The part of `EventSource` used here, so tests can drive a fake one. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LiveConnectionOptions {
  createEventSource?: (url: string) => EventSourceLike;
  /** Milliseconds before reconnect attempt `attempt` (0-based). */
  delay?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const CLOSED = 2;

/** 1 s, 2 s, 4 s … capped at 30 s, with jitter so a restarted BFF is not hit all at once. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random() / 2));
}

/**
 * One Server-Sent Events stream with its own reconnect: the browser retries a dropped stream by
 * itself, but gives up for good after an error answer (a restarted or overloaded BFF); then this
 * opens a new one after a backoff. Every `ready` after the first means events may have been
 * missed, and listeners hear `resync`.
 */
export function openLiveConnection(
  url: string,
  listener: LiveListener,
  options: LiveConnectionOptions = {},
): () => void {
  if (!options.createEventSource && typeof EventSource === 'undefined') {
    // No Server-Sent Events here (a test DOM, a very old browser): pages work without live updates.
    return () => {};
  }
  const create =
    options.createEventSource ??
    ((u: string) => new EventSource(u, { withCredentials: true }) as EventSourceLike);
  const delay = options.delay ?? ((attempt: number) => reconnectDelay(attempt));
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));

  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let attempt = 0;
  let everReady = false;
  let stopped = false;

  const connect = () => {
    timer = null;
    if (stopped) return;
    const current = create(url);
    source = current;
    current.addEventListener('ready', () => {
      attempt = 0;
      if (everReady) listener({ kind: 'resync' });
      everReady = true;
    });
    current.addEventListener('record.changed', (message) => {
      const parsed = liveEventSchema.safeParse(safeJson(message.data));
      listener(parsed.success ? { kind: 'event', event: parsed.data } : { kind: 'resync' });
    });
    current.addEventListener('error', () => {
      if (stopped || source !== current || current.readyState !== CLOSED) return;
      current.close();
      source = null;
      timer = setTimer(connect, delay(attempt++));
    });
  };

  connect();
  return () => {
    stopped = true;
    if (timer !== null) clearTimer(timer);
    source?.close();
    source = null;
  };
}

function safeJson(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
}

export const liveEventsUrl = (workspaceId: string) =>
  `${env.apiBaseUrl.replace(/\/$/, '')}/workspaces/${encodeURIComponent(workspaceId)}/events/stream`;

const shared = new Map<string, { listeners: Set<LiveListener>; close: () => void }>();

/**
 * Listens to a workspace's live events. Every subscriber of one workspace shares one stream
 * (browsers allow six connections per host over HTTP/1.1); the last to leave closes it.
 */
export function subscribeLiveEvents(
  workspaceId: string,
  listener: LiveListener,
  options?: LiveConnectionOptions,
): () => void {
  let entry = shared.get(workspaceId);
  if (!entry) {
    const listeners = new Set<LiveListener>();
    const close = openLiveConnection(
      liveEventsUrl(workspaceId),
      (message) => {
        for (const l of listeners) l(message);
      },
      options,
    );
    entry = { listeners, close };
    shared.set(workspaceId, entry);
  }
  entry.listeners.add(listener);
  const mine = entry;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0 && shared.get(workspaceId) === mine) {
      mine.close();
      shared.delete(workspaceId);
    }
  };
}
