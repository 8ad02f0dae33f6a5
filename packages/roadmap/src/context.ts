/** Who made a change: a person in the app, or an integration applying a remote change. */
export type Origin = 'user' | `integration:${string}`;

/** Flows into every write; `now` is passed in so tests and replays control time. */
export type ActionContext = {
  actorId: string | null;
  origin: Origin;
  now: Date;
};

export function userContext(actorId: string, now = new Date()): ActionContext {
  return { actorId, origin: 'user', now };
}

export function integrationContext(integrationId: string, now = new Date()): ActionContext {
  return { actorId: null, origin: `integration:${integrationId}`, now };
}
