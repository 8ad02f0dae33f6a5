// Starts child Node processes with prefixed output and stops them all together.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export type Service = {
  name: string;
  entry: string;
  env?: Record<string, string>;
  nodeFlags?: readonly string[];
};

const root = new URL('..', import.meta.url).pathname;

export function available(service: Service): boolean {
  return existsSync(`${root}${service.entry}`);
}

export function runServices(services: Service[]): void {
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 500).unref();
  };
  for (const service of services) {
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        ...(service.nodeFlags ?? []),
        `${root}${service.entry}`,
      ],
      {
        cwd: root,
        env: { ...process.env, ...service.env },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`${service.name} stopped (exit ${code}); stopping the others`);
        stopAll(code ?? 1);
      }
    });
    children.push(child);
  }
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}
