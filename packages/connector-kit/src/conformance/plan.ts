/**
 * Which suites run, which are skipped and why, and what is wrong with the config. Pure, so the
 * harness's own tests can check it without Vitest's `describe`.
 */

import { changesSinceSuite } from './suites/changes.ts';
import { connectionSuite } from './suites/connection.ts';
import { discoverySuite } from './suites/discovery.ts';
import { errorsSuite } from './suites/errors.ts';
import {
  attachmentsSuite,
  childrenSuite,
  idempotentCreateSuite,
  recordsSuite,
} from './suites/records.ts';
import { webhooksSuite } from './suites/webhooks.ts';
import {
  type ConformanceCase,
  type ConformanceConfig,
  type SuiteName,
  suiteNames,
} from './types.ts';

export const suites: Readonly<Record<SuiteName, readonly ConformanceCase[]>> = {
  connection: connectionSuite,
  discovery: discoverySuite,
  records: recordsSuite,
  idempotentCreate: idempotentCreateSuite,
  children: childrenSuite,
  attachments: attachmentsSuite,
  webhooks: webhooksSuite,
  changesSince: changesSinceSuite,
  errors: errorsSuite,
};

export type PlannedSuite =
  | { name: SuiteName; status: 'run'; cases: readonly ConformanceCase[] }
  | { name: SuiteName; status: 'skipped'; reason: string }
  | { name: SuiteName; status: 'filtered' };

export interface ConformancePlan {
  suites: PlannedSuite[];
  /** Config errors; each becomes a failing test. */
  problems: string[];
}

export function planConformance(
  config: ConformanceConfig,
  only?: readonly SuiteName[],
): ConformancePlan {
  const strict = config.strict ?? true;
  const problems: string[] = [];
  for (const name of Object.keys(config.suites)) {
    if (!(suiteNames as readonly string[]).includes(name)) {
      problems.push(`conformance.config declares an unknown suite "${name}"`);
    }
  }
  const planned = suiteNames.map((name): PlannedSuite => {
    const setting = config.suites[name];
    if (only && !only.includes(name)) return { name, status: 'filtered' };
    if (setting === undefined) {
      if (strict)
        problems.push(`strict mode: suite "${name}" must be declared as 'run' or { skip: reason }`);
      return { name, status: 'run', cases: suites[name] };
    }
    if (setting === 'run') return { name, status: 'run', cases: suites[name] };
    const reason = setting.skip.trim();
    if (reason === '' && strict) {
      problems.push(`strict mode: suite "${name}" is skipped without a written reason`);
    }
    return { name, status: 'skipped', reason: reason || '(no reason given)' };
  });
  return { suites: planned, problems };
}
