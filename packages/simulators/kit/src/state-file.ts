/** A simulator's whole state as one JSON file, so the demo keeps its remote data across restarts. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Every state file carries its format's version; only version 1 exists. */
export type VersionedState = { version: 1 };

export function loadStateFile<T extends VersionedState>(file: string): T | null {
  if (!existsSync(file)) return null;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as T;
  if (parsed.version !== 1)
    throw new Error(`${file}: unsupported state version ${String(parsed.version)}`);
  return parsed;
}

/** Written to a temporary file first: a crash mid-write leaves the previous state whole. */
export function saveStateFile(file: string, state: VersionedState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** Coalesces saves: at most one write per `delayMs`, and a last one on `flush`. */
export class DebouncedSaver<T extends VersionedState> {
  private timer: NodeJS.Timeout | null = null;
  private readonly file: string;
  private readonly snapshot: () => T;
  private readonly delayMs: number;
  /** Names the simulator in the one line a failed background save prints. */
  private readonly name: string;

  constructor(file: string, snapshot: () => T, options: { name: string; delayMs?: number }) {
    this.file = file;
    this.snapshot = snapshot;
    this.name = options.name;
    this.delayMs = options.delayMs ?? 200;
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        saveStateFile(this.file, this.snapshot());
      } catch (e) {
        console.error(`[${this.name}] could not save ${this.file}:`, e);
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
