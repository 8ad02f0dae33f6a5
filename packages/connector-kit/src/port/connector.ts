/**
 * The `Connector` port: everything the sync engine may ask of a remote system. A connector is
 * a stateless value; every call gets a `ConnectorContext` that carries one integration's
 * parsed config, its credentials and the shared transport for its remote account.
 * Every failure is a `RemoteError`.
 */
import type { z } from 'zod';
import type { Transport } from '../transport/types.ts';
import type { DefaultRecordMapping } from './default-mappings.ts';
import type {
  ChangePage,
  ConnectorManifest,
  Credential,
  FieldDef,
  ProjectNode,
  RecordScope,
  RecordType,
  RemoteAttachment,
  RemoteChange,
  RemoteRecord,
  RemoteRef,
  StateDef,
  WebhookDelivery,
  WebhookRegistration,
  WhoAmI,
  Workspace,
} from './model.ts';
import type { OAuthCapability } from './oauth.ts';

export interface ConnectorContext<Config> {
  /** The integration's config, already parsed by the connector's `spec`. */
  config: Config;
  /** Called before each request, so a refreshed OAuth token is picked up. */
  credentials(): Promise<Credential>;
  /** The shared transport for this remote account (see `createTransport`). */
  transport: Transport;
  signal?: AbortSignal;
}

export type RecordFields = Readonly<Record<string, unknown>>;

export interface CreateRecordInput {
  scope: RecordScope;
  type: string;
  fields: RecordFields;
  /** Create the record as a child of this one. */
  parent?: RemoteRef;
  /**
   * Stored on the remote record (or wherever the connector can find it again) so that
   * `findByIdempotencyToken` can tell whether an ambiguous create was applied.
   */
  idempotencyToken: string;
  /**
   * The remote fields the caller needs in the answer (its mapping's); a connector may return
   * only these (and the record's identity), which spares both sides the rest of the record.
   * Absent: the whole record.
   */
  returnFields?: readonly string[];
}

export interface UpdateRecordInput {
  fields: RecordFields;
  /** When set, the update fails with kind `conflict` if the remote version differs. */
  expectedVersion?: string;
}

export interface AttachmentInput {
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

export interface RegisterWebhookInput {
  /** The BFF's public endpoint for this integration. */
  targetUrl: string;
  scope: RecordScope;
  /** Record types to hear about; all the connector supports when omitted. */
  types?: readonly string[];
}

export interface ChangesSinceInput {
  scope: RecordScope;
  /** `null` starts now: the answer has no changes, only a cursor to poll from. */
  cursor: string | null;
  types?: readonly string[];
}

export interface Connector<Config = unknown> {
  readonly manifest: ConnectorManifest;
  /** The integration config the wizard collects, validated at the BFF boundary. */
  readonly spec: z.ZodType<Config>;

  /** Present when users sign in to the remote with OAuth 2.0 (authorization code + PKCE). */
  readonly oauth?: OAuthCapability;

  /**
   * The record mappings proposed to a new integration, one per roadmap kind. Pure. `types` are
   * the record types of the chosen scope when known, so a connector whose types differ by scope
   * (Azure DevOps processes) can propose the ones that exist there.
   */
  defaultRecordMappings(types?: readonly RecordType[]): DefaultRecordMapping[];

  /**
   * The account URL as the connector stores it, from what a user typed (a name, a deep link);
   * throws an `Error` whose message says what is wrong. Absent: the account is the URL's origin.
   * The result may keep a path (an organisation); the BFF still checks its host.
   */
  normalizeAccountUrl?(input: string): string;

  // connection
  checkConnection(ctx: ConnectorContext<Config>): Promise<WhoAmI>;

  // discovery
  listWorkspaces(ctx: ConnectorContext<Config>): Promise<Workspace[]>;
  /** Root projects, each with its descendants in `children`. */
  listProjects(ctx: ConnectorContext<Config>, workspaceId: string): Promise<ProjectNode[]>;
  listRecordTypes(ctx: ConnectorContext<Config>, scope: RecordScope): Promise<RecordType[]>;
  listFields(ctx: ConnectorContext<Config>, scope: RecordScope, type: string): Promise<FieldDef[]>;
  listStates(ctx: ConnectorContext<Config>, scope: RecordScope, type: string): Promise<StateDef[]>;

  // records
  createRecord(ctx: ConnectorContext<Config>, input: CreateRecordInput): Promise<RemoteRecord>;
  readRecord(ctx: ConnectorContext<Config>, ref: RemoteRef): Promise<RemoteRecord>;
  updateRecord(
    ctx: ConnectorContext<Config>,
    ref: RemoteRef,
    input: UpdateRecordInput,
  ): Promise<RemoteRecord>;
  deleteRecord(ctx: ConnectorContext<Config>, ref: RemoteRef): Promise<void>;
  /** The record a create with this token made, or `null` if none was made. */
  findByIdempotencyToken(
    ctx: ConnectorContext<Config>,
    input: { scope: RecordScope; type: string; idempotencyToken: string },
  ): Promise<RemoteRecord | null>;
  linkChild(ctx: ConnectorContext<Config>, parent: RemoteRef, child: RemoteRef): Promise<void>;
  uploadAttachment(
    ctx: ConnectorContext<Config>,
    ref: RemoteRef,
    file: AttachmentInput,
  ): Promise<RemoteAttachment>;

  // webhooks
  registerWebhook(
    ctx: ConnectorContext<Config>,
    input: RegisterWebhookInput,
  ): Promise<WebhookRegistration>;
  unregisterWebhook(
    ctx: ConnectorContext<Config>,
    registration: WebhookRegistration,
  ): Promise<void>;
  /** `true` only for a delivery the remote really sent for this registration. Pure. */
  verifyDelivery(registration: WebhookRegistration, delivery: WebhookDelivery): boolean;
  /** Normalises one delivery body; throws `RemoteError` kind `validation` on a malformed body. */
  parseDelivery(body: string): RemoteChange[];

  // polling
  changesSince(ctx: ConnectorContext<Config>, input: ChangesSinceInput): Promise<ChangePage>;
}
