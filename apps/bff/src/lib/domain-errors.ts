import {
  AttachmentTooLargeError,
  ConflictError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '@tandem/roadmap';
import {
  IntegrationNotReadyError,
  RemoteCallError,
  SyncConflictError,
  SyncNotFoundError,
} from '@tandem/sync-engine/runner';
import { remoteFailure } from '../integrations/remote-failure.ts';
import { AppError } from './errors.ts';

/** Roadmap rule and sync runner refusals become the one error shape; anything else passes through unchanged. */
export function fromDomainError(error: unknown): unknown {
  if (error instanceof ValidationError) return AppError.validation(error.fields, error.message);
  if (error instanceof NotFoundError) return AppError.notFound(error.what);
  if (error instanceof StaleVersionError) {
    return AppError.conflict(error.message, {
      currentVersion: error.currentVersion,
      current: error.current,
    });
  }
  if (error instanceof ConflictError) return AppError.conflict(error.message);
  if (error instanceof SyncNotFoundError) return AppError.notFound(error.what);
  if (error instanceof SyncConflictError) return AppError.conflict(error.message, error.details);
  if (error instanceof RemoteCallError) return remoteFailure(error.failure, error.systemName);
  if (error instanceof IntegrationNotReadyError) return AppError.conflict(error.message);
  if (error instanceof AttachmentTooLargeError) {
    return new AppError(413, 'payload_too_large', error.message, { maxBytes: error.maxBytes });
  }
  return error;
}
