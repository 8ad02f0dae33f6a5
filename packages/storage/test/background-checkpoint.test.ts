import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/index.ts';

const dirs: string[] = [];
const handles: DatabaseHandle[] = [];
afterEach(async () => {
  await Promise.all(handles.splice(0).map((h) => h.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function openWithRows(checkpointInBackground: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-checkpoint-'));
  dirs.push(dir);
  const path = join(dir, 'db.sqlite');
  const handle = await openDatabase({ dialect: 'sqlite', path, checkpointInBackground });
  handles.push(handle);
  await sql`create table blobs (id integer primary key, body text not null)`.execute(handle.db);
  const body = 'x'.repeat(4_000);
  // ~0.5 MB in 100 commits (5–6 one-KiB WAL frames each): below SQLite's own 1,000-page
  // threshold, so only a checkpointer moves it.
  for (let i = 0; i < 100; i++)
    await sql`insert into blobs (body) values (${body})`.execute(handle.db);
  return { handle, path };
}

async function sizeAfter(path: string, atLeast: number, ms: number): Promise<number> {
  const deadline = Date.now() + ms;
  let size = statSync(path).size;
  while (size < atLeast && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    size = statSync(path).size;
  }
  return size;
}

describe('SQLite WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file without the connection doing it', async () => {
    const { path } = await openWithRows(true);
    expect(await sizeAfter(path, 400_000, 5_000)).toBeGreaterThan(400_000);
  });

  it('leaves them in the WAL when off (the control for the test above)', async () => {
    const { path } = await openWithRows(false);
    expect(await sizeAfter(path, 400_000, 600)).toBeLessThan(100_000);
  });

  it('closes cleanly: the data is all there when opened again', async () => {
    const { handle, path } = await openWithRows(true);
    await handle.close();
    handles.splice(handles.indexOf(handle), 1);
    const again = await openDatabase({ dialect: 'sqlite', path });
    handles.push(again);
    const { rows } = await sql<{ n: number }>`select count(*) as n from blobs`.execute(again.db);
    expect(rows[0]!.n).toBe(100);
  });
});
