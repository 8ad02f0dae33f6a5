/**
 * Remembers delivery ids for as long as their signature is accepted, so a captured delivery
 * replayed inside the timestamp window is refused, and answers by idempotency key, so a retried
 * event gets the first answer without acting twice. In memory: one process per service.
 */
import type { ServiceAnswer } from './protocol/index.ts';
import { SIGNATURE_TOLERANCE_SECONDS } from './protocol/index.ts';

export interface ReplayGuard {
  /** `false` when the id was seen within the window (and records it otherwise). */
  firstSight(deliveryId: string, nowSeconds: number): boolean;
  answerFor(idempotencyKey: string): ServiceAnswer | undefined;
  remember(idempotencyKey: string, answer: ServiceAnswer): void;
}

export function memoryReplayGuard(
  windowSeconds = 2 * SIGNATURE_TOLERANCE_SECONDS,
  maxAnswers = 10_000,
): ReplayGuard {
  const seen = new Map<string, number>();
  const answers = new Map<string, ServiceAnswer>();
  return {
    firstSight(deliveryId, now) {
      for (const [id, at] of seen) {
        if (now - at <= windowSeconds) break; // insertion order: the rest are newer
        seen.delete(id);
      }
      if (seen.has(deliveryId)) return false;
      seen.set(deliveryId, now);
      return true;
    },
    answerFor: (key) => answers.get(key),
    remember(key, answer) {
      answers.set(key, answer);
      if (answers.size > maxAnswers) answers.delete(answers.keys().next().value as string);
    },
  };
}
