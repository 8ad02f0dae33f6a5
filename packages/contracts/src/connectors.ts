/**
 * What the SPA shows about a remote system: its name and mark, the wizard steps it walks and the
 * words on each, how it is authorized, what its containers are called and how its updates
 * arrive. A connector's manifest carries one (`presentation`); `GET /api/connectors` lists them.
 *
 * Texts are plain sentences with a little markup the SPA renders: `**bold**`, `_emphasis_`,
 * `` `code` `` and `{slot}` for a value the screen fills in (each text names its slots).
 */
import { z } from 'zod';
import { integrationSystemSchema, WIZARD_STEPS, wizardStepSchema } from './integrations.ts';

const text = z.string().min(1);

/** A small square mark: a letter on a tinted background the SPA maps to its palette. */
export const connectorIconSchema = z.object({
  letter: z.string().min(1).max(2),
  tone: z.enum(['sky', 'indigo', 'violet', 'emerald', 'amber', 'rose']),
});

export const wizardStepWordsSchema = z.object({
  id: wizardStepSchema,
  /** In the stepper: "Rally account". */
  title: text,
  /** Under the title in the stepper: "Your Rally address". */
  hint: text,
});

/** A list step (a workspace, an organisation's project): one choice out of a flat list. */
const listChoiceWordsSchema = z.object({
  heading: text,
  /** Slots: `{user}` (who is connected). */
  intro: text,
  searchLabel: text,
  listLabel: text,
  loading: text,
  /** Slots: `{query}`. */
  noMatch: text,
});

/** A tree step (a project tree, an area path tree): one node, children under their parent. */
const treeChoiceWordsSchema = listChoiceWordsSchema.extend({
  /** Slots: `{parent}` (the choice of the list step before). */
  intro: text,
  /** Slots: `{count}`. */
  childCount: z.object({ one: text, other: text }),
  /** The seed's *Exclude child updates*, where the system has child containers that matter. */
  excludeChildUpdates: z.object({ label: text, help: z.array(text).min(1) }).optional(),
});

/** An API key or personal access token pasted instead of (or without) a sign-in page. */
const secretWordsSchema = z.object({
  kind: z.enum(['api_key', 'pat']),
  /** Shown as a disclosure when the system also offers OAuth: "Use an API key instead". */
  summary: text,
  help: text,
  label: text,
  button: text,
});

/** What a connection check reports: who, since when, and until when. */
const connectionWordsSchema = z.object({
  /** Slots: `{who}`. */
  connectedAs: text,
  unknownUser: text,
  rejected: text,
  oauthHow: text,
  secretHow: text,
  secretLifetime: text,
  noExpiry: text,
  /** Slots: `{day}`. */
  endsSoon: text,
  /** Slots: `{day}`. */
  endsOn: text,
});

const oauthErrorWordsSchema = z.object({ title: text, text });

export const connectorPresentationSchema = z
  .object({
    system: integrationSystemSchema,
    displayName: text,
    icon: connectorIconSchema,
    /** An ordered subset of the wizard's steps; `name` first, `enable` last. */
    steps: z.array(wizardStepWordsSchema).min(2),
    name: z.object({ defaultName: text, intro: text, noTemplates: text }),
    account: z.object({
      heading: text,
      /** Slots: `{example}`. */
      intro: text,
      example: text,
      label: text,
      placeholder: text,
      hint: text,
      lockedText: text,
    }),
    authorize: z.object({
      heading: text,
      /** Slots: `{account}`. */
      intro: text,
      accountFallback: text,
      oauth: z
        .object({
          button: text,
          oauthErrors: z.record(z.string(), oauthErrorWordsSchema),
          unknownError: oauthErrorWordsSchema,
        })
        .optional(),
      secret: secretWordsSchema.optional(),
      connection: connectionWordsSchema,
      loadError: z.object({ title: text, unreachable: text }),
    }),
    containers: z.object({ list: listChoiceWordsSchema, tree: treeChoiceWordsSchema }),
    records: z.object({ heading: text, intro: text }),
    statuses: z.object({
      heading: text,
      intro: text,
      /** The remote field that holds a record's state when no mapping chose one. */
      defaultStateField: z.object({ byTypePrefix: z.record(z.string(), text), otherwise: text }),
    }),
    enable: z.object({
      intro: text,
      sendAuto: text,
      importLegend: text,
      importAuto: text,
      importNone: text,
      recommendation: text,
      /** Slots: `{board}` (a link to the features board), `{name}` (the integration's). */
      tryIt: text,
    }),
    /** How remote changes reach Tandem: webhooks it registers, or ones the owner sets up. */
    updates: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('webhooks') }),
      z.object({ kind: z.literal('manual'), title: text, instructions: z.array(text).min(1) }),
    ]),
  })
  .superRefine((p, ctx) => {
    const ids = p.steps.map((s) => s.id);
    const order = ids.map((id) => WIZARD_STEPS.indexOf(id));
    if (order.some((at, i) => i > 0 && at <= (order[i - 1] ?? -1))) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: 'Steps follow the wizard order, each once',
      });
    }
    if (ids[0] !== 'name' || ids.at(-1) !== 'enable') {
      ctx.addIssue({
        code: 'custom',
        path: ['steps'],
        message: 'The wizard starts at name and ends at enable',
      });
    }
    if (!p.authorize.oauth && !p.authorize.secret) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorize'],
        message: 'Offer a sign-in or a key',
      });
    }
  });
export type ConnectorPresentation = z.infer<typeof connectorPresentationSchema>;

export const connectorListSchema = z.object({ connectors: z.array(connectorPresentationSchema) });
export type ConnectorList = z.infer<typeof connectorListSchema>;
