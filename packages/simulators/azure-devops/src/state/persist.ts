/** The whole simulator state as one JSON file (the demo keeps it under ./data). */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TokenSnapshot } from '../auth/tokens.ts';
import type { Subscription } from '../hooks/subscriptions.ts';
import type { StoreSnapshot } from './store.ts';

export interface PersistedState {
  version: 1;
  store: StoreSnapshot;
  tokens: TokenSnapshot;
  subscriptions: Subscription[];
}

export function loadStateFile(file: string): PersistedState | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as PersistedState;
  if (parsed.version !== 1)
    throw new Error(`${file}: unsupported state version ${String(parsed.version)}`);
  return parsed;
}

export function saveStateFile(file: string, state: PersistedState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** Coalesces saves: at most one write per `delayMs`, and a last one on `flush`. */
export class DebouncedSaver {
  private timer: NodeJS.Timeout | null = null;
  private file: string;
  private snapshot: () => PersistedState;
  private delayMs: number;

  constructor(file: string, snapshot: () => PersistedState, delayMs = 200) {
    this.file = file;
    this.snapshot = snapshot;
    this.delayMs = delayMs;
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        saveStateFile(this.file, this.snapshot());
      } catch (e) {
        console.error(`[sim-ado] could not save ${this.file}:`, e);
      }
    }, this.delayMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    saveStateFile(this.file, this.snapshot());
  }
}
