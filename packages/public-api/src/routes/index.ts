import type { PublicRoute } from './define-route.ts';
import { putIntegrationFields } from './integration-fields.ts';
import { getFeature, getRelease } from './records.ts';
import { addRequirement } from './requirements.ts';

/** Every public route: the app serves these and the OpenAPI document describes these. */
export const PUBLIC_ROUTES = [
  getFeature,
  getRelease,
  putIntegrationFields,
  addRequirement,
] as unknown as readonly PublicRoute[];
