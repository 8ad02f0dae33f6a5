/**
 * Finds the services in a folder: every `*.ts` / `*.mjs` / `*.js` file whose exports include a
 * service made with `defineService`. Each load imports the files afresh (a query string busts
 * Node's module cache), so an edited file is picked up; files it imports are not reloaded.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Service } from '../define-service.ts';

export interface LoadedServices {
  services: Map<string, Service<unknown>>;
  /** Files that failed to load, with the reason (the proxy prints them and keeps going). */
  errors: { file: string; message: string }[];
}

const isService = (value: unknown): value is Service<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Service<unknown>).name === 'string' &&
  typeof (value as Service<unknown>).configJsonSchema === 'function' &&
  typeof (value as Service<unknown>).handlers === 'object';

export async function loadServices(dir: string, generation: number): Promise<LoadedServices> {
  const services = new Map<string, Service<unknown>>();
  const errors: LoadedServices['errors'] = [];
  const files = readdirSync(dir).filter(
    (f) => /\.(ts|mjs|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f),
  );
  for (const file of files.sort()) {
    try {
      const module = (await import(
        `${pathToFileURL(join(dir, file)).href}?generation=${generation}`
      )) as Record<string, unknown>;
      for (const value of Object.values(module)) {
        if (!isService(value)) continue;
        if (services.has(value.name)) throw new Error(`a second service named ${value.name}`);
        services.set(value.name, value);
      }
    } catch (error) {
      errors.push({ file, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { services, errors };
}
