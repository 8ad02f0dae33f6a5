/**
 * Azure DevOps errors: every failure leaves the simulator as the VSS JSON error body
 * (`$id`, `innerException`, `message`, `typeName`, `typeKey`, `errorCode`, `eventId`).
 */

export interface RuleViolation {
  field: string;
  fieldName: string;
  code: string;
  flags?: string;
}

export interface AdoErrorInit {
  status: number;
  typeKey: string;
  namespace?: string;
  errorCode?: number;
  eventId?: number;
  customProperties?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const WIT_SERVER = 'Microsoft.TeamFoundation.WorkItemTracking.Server';
const FRAMEWORK = 'Microsoft.TeamFoundation.Framework.Server';
const WEBAPI = 'Microsoft.VisualStudio.Services.WebApi';

export class AdoError extends Error {
  readonly status: number;
  readonly typeKey: string;
  readonly namespace: string;
  readonly errorCode: number;
  readonly eventId: number;
  readonly customProperties: Record<string, unknown> | undefined;
  readonly headers: Record<string, string>;

  constructor(message: string, init: AdoErrorInit) {
    super(message);
    this.status = init.status;
    this.typeKey = init.typeKey;
    this.namespace = init.namespace ?? WIT_SERVER;
    this.errorCode = init.errorCode ?? 0;
    this.eventId = init.eventId ?? 3000;
    this.customProperties = init.customProperties;
    this.headers = init.headers ?? {};
  }

  body(): Record<string, unknown> {
    const assembly =
      this.namespace === 'Microsoft.VisualStudio.Services.WebApi.Patch' ? WEBAPI : this.namespace;
    return {
      $id: '1',
      ...(this.customProperties && { customProperties: this.customProperties }),
      innerException: null,
      message: this.message,
      typeName: `${this.namespace}.${this.typeKey}, ${assembly}`,
      typeKey: this.typeKey,
      errorCode: this.errorCode,
      eventId: this.eventId,
    };
  }
}

export const workItemNotFound = (id: number | string) =>
  new AdoError(
    `TF401232: Work item ${id} does not exist, or you do not have permissions to read it.`,
    { status: 404, typeKey: 'WorkItemUnauthorizedAccessException', eventId: 3200 },
  );

export const projectNotFound = (name: string) =>
  new AdoError(
    `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
    { status: 404, typeKey: 'ProjectDoesNotExistWithNameException', namespace: FRAMEWORK },
  );

export const teamNotFound = (name: string) =>
  new AdoError(`The team with id or name '${name}' does not exist.`, {
    status: 404,
    typeKey: 'TeamNotFoundException',
    namespace: FRAMEWORK,
  });

export const typeNotFound = (type: string, project: string) =>
  new AdoError(`VS402323: Work item type ${type} does not exist in project ${project}.`, {
    status: 404,
    typeKey: 'WorkItemTypeNotFoundException',
    eventId: 3200,
  });

export const fieldNotFound = (ref: string) =>
  new AdoError(`TF51535: Cannot find field ${ref}.`, {
    status: 400,
    typeKey: 'WorkItemFieldInvalidException',
    eventId: 3200,
  });

export const treeNodeNotFound = (path: string) =>
  new AdoError(`VS402485: The node ${path} does not exist.`, {
    status: 404,
    typeKey: 'WorkItemTrackingTreeNodeNotFoundException',
    eventId: 3200,
  });

export const invalidTreeName = (id: number, field: string) =>
  new AdoError(`TF401347: Invalid tree name given for work item ${id}, field '${field}'.`, {
    status: 400,
    typeKey: 'WorkItemFieldInvalidTreeNameException',
    eventId: 3200,
  });

export const testOperationFailed = (path: string, actual: unknown, expected: unknown) =>
  new AdoError(
    `VS403351: Test Operation for path ${path} failed, value ${String(actual)} was not equal to test value ${String(expected)}.`,
    {
      status: 412,
      typeKey: 'TestPatchOperationFailedException',
      namespace: 'Microsoft.VisualStudio.Services.WebApi.Patch',
    },
  );

export const patchOperationFailed = (message: string) =>
  new AdoError(message, {
    status: 400,
    typeKey: 'PatchOperationFailedException',
    namespace: 'Microsoft.VisualStudio.Services.WebApi.Patch',
  });

export const revisionMismatch = () =>
  new AdoError(
    'TF26071: This work item has been changed by someone else since you opened it. You will need to refresh it and discard your changes.',
    { status: 409, typeKey: 'WorkItemRevisionMismatchException', eventId: 3200 },
  );

export const extraParent = (child: number, parent: number) =>
  new AdoError(
    `TF201036: You cannot add a Child link between work items ${parent} and ${child} because a work item can have only one Parent link.`,
    { status: 400, typeKey: 'WorkItemLinkAddExtraParentException', eventId: 3200 },
  );

export const argumentError = (message: string) =>
  new AdoError(message, { status: 400, typeKey: 'ArgumentException', namespace: 'System' });

export const attachmentNotFound = (id: string) =>
  new AdoError(`TF401001: The attachment ${id} does not exist.`, {
    status: 404,
    typeKey: 'AttachmentNotFoundException',
    eventId: 3200,
  });

/** TF401320, one message per rule that failed; the first one names the exception. */
export function ruleError(violations: RuleViolation[]): AdoError {
  const entries = violations.map((v) => {
    const flags = v.flags ?? 'none';
    return {
      fieldReferenceName: v.field,
      fieldStatusFlags: flags,
      errorMessage: `TF401320: Rule Error for field ${v.fieldName}. Error code: ${describeFlags(flags)}${v.code}.`,
      fieldStatusCode: v.code,
      ruleValidationErrors: null,
    };
  });
  return new AdoError(entries[0]?.errorMessage ?? 'TF401320: Rule Error.', {
    status: 400,
    typeKey: 'RuleValidationException',
    errorCode: 600171,
    eventId: 3200,
    customProperties: { RuleValidationErrors: entries },
  });
}

function describeFlags(flags: string): string {
  if (flags === 'none') return '';
  const words = flags
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => f[0]!.toUpperCase() + f.slice(1));
  return `${words.join(', ')}, `;
}

export const unauthorized = (user: string) =>
  new AdoError(`TF400813: The user '${user}' is not authorized to access this resource.`, {
    status: 401,
    typeKey: 'UnauthorizedRequestException',
    namespace: FRAMEWORK,
    headers: { 'WWW-Authenticate': 'Basic realm="https://dev.azure.com/"' },
  });

export const requestBlocked = (retryAfterSeconds: number, headers: Record<string, string>) =>
  new AdoError(
    "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'WorkItemTrackingResource' in namespace 'User'.",
    {
      status: 429,
      typeKey: 'RequestBlockedException',
      namespace: FRAMEWORK,
      headers: { ...headers, 'Retry-After': String(retryAfterSeconds) },
    },
  );
