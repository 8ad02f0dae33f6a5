import { readFileSync } from 'node:fs';

/** A fixture file copied from shared/fixtures/azure-devops (see fixtures/README.md). */
export function fixture<T = any>(path: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

/** The body of an official example's answer with the given status. */
export function officialBody<T = any>(name: string, status = '200'): T {
  return fixture(`official/${name}.json`).responses[status].body as T;
}
