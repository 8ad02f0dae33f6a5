import { describe, expect, it, vi } from 'vitest';
import {
  type EventSourceLike,
  type LiveMessage,
  openLiveConnection,
  reconnectDelay,
  subscribeLiveEvents,
} from './live-events';

/** A fake `EventSource`: the test fires its events and decides when it closes. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  fire(type: string, data?: unknown) {
    const event = new MessageEvent(type, {
      data: data === undefined ? undefined : JSON.stringify(data),
    });
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
  ready() {
    this.readyState = 1;
    this.fire('ready', {});
  }
  /** The browser gave up on this stream (an error answer, e.g. the BFF restarting). */
  fail() {
    this.readyState = 2;
    this.fire('error');
  }
}

const changed = (recordId: string) => ({
  type: 'record.changed',
  recordType: 'feature',
  recordId,
  action: 'update',
  version: null,
  origin: 'integration:int-1',
});

function harness() {
  const sources: FakeSource[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const messages: LiveMessage[] = [];
  const options = {
    createEventSource: (url: string) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    delay: (attempt: number) => 1000 * 2 ** attempt,
    setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    clearTimer: vi.fn(),
  };
  return { sources, timers, messages, options, listener: (m: LiveMessage) => messages.push(m) };
}

describe('openLiveConnection', () => {
  it('passes record events on and ignores the first ready', () => {
    const h = harness();
    openLiveConnection('/api/workspaces/w1/events/stream', h.listener, h.options);
    h.sources[0]?.ready();
    h.sources[0]?.fire('record.changed', changed('f1'));
    expect(h.messages).toEqual([{ kind: 'event', event: changed('f1') }]);
  });

  it('asks for a resync when an event is not understood', () => {
    const h = harness();
    openLiveConnection('/x', h.listener, h.options);
    h.sources[0]?.fire('record.changed', { type: 'record.changed', recordId: 'f1' });
    expect(h.messages).toEqual([{ kind: 'resync' }]);
  });

  it('reconnects with growing delays after the browser gives up, and resyncs once back', () => {
    const h = harness();
    openLiveConnection('/x', h.listener, h.options);
    h.sources[0]?.ready();
    h.sources[0]?.fail();
    expect(h.sources[0]?.closed).toBe(true);
    expect(h.timers.map((t) => t.ms)).toEqual([1000]);

    h.timers[0]?.fn();
    h.sources[1]?.fail();
    expect(h.timers.map((t) => t.ms)).toEqual([1000, 2000]);

    h.timers[1]?.fn();
    h.sources[2]?.ready();
    expect(h.messages).toEqual([{ kind: 'resync' }]);

    // A healthy stream resets the backoff.
    h.sources[2]?.fail();
    expect(h.timers.at(-1)?.ms).toBe(1000);
  });

  it('leaves a stream the browser is retrying by itself alone', () => {
    const h = harness();
    openLiveConnection('/x', h.listener, h.options);
    const s = h.sources[0];
    if (!s) throw new Error('no source');
    s.readyState = 0;
    s.fire('error');
    expect(h.timers).toEqual([]);
    expect(s.closed).toBe(false);
  });

  it('stops for good when closed, even with a reconnect pending', () => {
    const h = harness();
    const close = openLiveConnection('/x', h.listener, h.options);
    h.sources[0]?.fail();
    close();
    expect(h.options.clearTimer).toHaveBeenCalledTimes(1);
    h.timers[0]?.fn();
    expect(h.sources).toHaveLength(1);
  });
});

describe('subscribeLiveEvents', () => {
  it('shares one stream per workspace and closes it with the last subscriber', () => {
    const h = harness();
    const a: LiveMessage[] = [];
    const b: LiveMessage[] = [];
    const offA = subscribeLiveEvents('w1', (m) => a.push(m), h.options);
    const offB = subscribeLiveEvents('w1', (m) => b.push(m), h.options);
    expect(h.sources).toHaveLength(1);
    expect(h.sources[0]?.url).toBe('/api/workspaces/w1/events/stream');
    h.sources[0]?.fire('record.changed', changed('f2'));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    offA();
    expect(h.sources[0]?.closed).toBe(false);
    offB();
    expect(h.sources[0]?.closed).toBe(true);
  });
});

describe('reconnectDelay', () => {
  it('doubles from one second up to thirty, with jitter between half and all of it', () => {
    expect([0, 1, 2, 3, 10].map((a) => reconnectDelay(a, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 30_000,
    ]);
    expect(reconnectDelay(0, () => 0)).toBe(500);
  });
});
