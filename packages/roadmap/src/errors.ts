export type FieldIssue = { path: string; message: string };

/** Base of the errors the roadmap raises on purpose; anything else is a bug. */
export class RoadmapError extends Error {
  override name = 'RoadmapError';
}

/** Input that breaks a domain rule; `fields` says which and why. Nothing was written. */
export class ValidationError extends RoadmapError {
  override name = 'ValidationError';
  readonly fields: FieldIssue[];
  constructor(fields: FieldIssue[], message = 'Some fields are not valid') {
    super(message);
    this.fields = fields;
  }
}

export class NotFoundError extends RoadmapError {
  override name = 'NotFoundError';
  readonly what: string;
  constructor(what: string) {
    super(`${what} not found`);
    this.what = what;
  }
}

/** The caller's version is behind; `current` is the record as it is now. */
export class StaleVersionError extends RoadmapError {
  override name = 'StaleVersionError';
  readonly currentVersion: number;
  readonly current: unknown;
  constructor(current: { version: number }) {
    super('Someone else changed this in the meantime; review their change and try again');
    this.currentVersion = current.version;
    this.current = current;
  }
}

/** The request is valid but the current state forbids it (e.g. deleting a non-empty release). */
export class ConflictError extends RoadmapError {
  override name = 'ConflictError';
}

export class AttachmentTooLargeError extends RoadmapError {
  override name = 'AttachmentTooLargeError';
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`Attachments can be at most ${Math.floor(maxBytes / 1024 / 1024)} MB`);
    this.maxBytes = maxBytes;
  }
}

/** Collects every field problem first, so the user sees them all at once. */
export class Issues {
  readonly list: FieldIssue[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}
