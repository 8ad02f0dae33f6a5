/** Starts `test/python/service.py` (Python 3, standard library only) on a random port. */
import { spawn } from 'node:child_process';

export interface RunningPython {
  url: string;
  /** The events it handled, in order (its `GET /`). */
  handled(): Promise<string[]>;
  close(): void;
}

export async function startPythonService(secret: string): Promise<RunningPython> {
  const child = spawn('python3', [new URL('../python/service.py', import.meta.url).pathname], {
    env: { ...process.env, TANDEM_SERVICE_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout?.once('data', (chunk: Buffer) => {
      const port = /listening (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
      else reject(new Error(`unexpected output: ${chunk}`));
    });
  });
  return {
    url,
    handled: async () => ((await (await fetch(url)).json()) as { events: string[] }).events,
    close: () => child.kill(),
  };
}
