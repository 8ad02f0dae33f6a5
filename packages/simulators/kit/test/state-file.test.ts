import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebouncedSaver, loadStateFile, saveStateFile } from '../src/state-file.ts';

type State = { version: 1; items: number[] };
const dir = () => mkdtempSync(join(tmpdir(), 'sim-kit-'));

describe('state file', () => {
  it('round-trips a state and leaves no temporary file behind', () => {
    const file = join(dir(), 'nested', 'sim.json');
    expect(loadStateFile<State>(file)).toBeNull();
    saveStateFile(file, { version: 1, items: [1, 2] } as State);
    expect(loadStateFile<State>(file)).toEqual({ version: 1, items: [1, 2] });
    expect(readdirSync(join(file, '..'))).toEqual(['sim.json']);
  });

  it('refuses a state of another version', () => {
    const file = join(dir(), 'sim.json');
    writeFileSync(file, JSON.stringify({ version: 2 }));
    expect(() => loadStateFile<State>(file)).toThrow(/unsupported state version 2/);
  });

  it('coalesces scheduled saves into one and writes the latest state on flush', async () => {
    const file = join(dir(), 'sim.json');
    let state: State = { version: 1, items: [] };
    let snapshots = 0;
    const saver = new DebouncedSaver(
      file,
      () => {
        snapshots++;
        return state;
      },
      { name: 'test', delayMs: 20 },
    );
    for (let i = 0; i < 5; i++) {
      state = { version: 1, items: [i] };
      saver.schedule();
    }
    await new Promise((r) => setTimeout(r, 60));
    expect(snapshots).toBe(1);
    expect(loadStateFile<State>(file)?.items).toEqual([4]);
    state = { version: 1, items: [9] };
    saver.flush();
    expect(loadStateFile<State>(file)?.items).toEqual([9]);
  });
});
