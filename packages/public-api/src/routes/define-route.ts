/**
 * One public route: method, path, the scope it needs and its zod schemas. The app registers
 * routes from these values and the OpenAPI document is written from the same values, so a route
 * cannot be served without being documented.
 */
import type { DatabaseHandle } from '@tandem/storage';
import type { z } from 'zod';
import type { ApiToken, TokenScope } from '../schemas.ts';

export interface RouteDeps {
  db: DatabaseHandle;
  now(): Date;
}

export interface PublicRoute<
  P extends z.ZodObject = z.ZodObject,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: 'get' | 'post' | 'put';
  /** OpenAPI style, under `/api/public/v1`: `/features/{featureId}`. */
  path: string;
  operationId: string;
  summary: string;
  scope: TokenScope;
  params: P;
  body?: B;
  status: 200 | 201;
  response: z.ZodType;
  handle(input: {
    params: z.output<P>;
    body: B extends z.ZodType ? z.output<B> : undefined;
    token: ApiToken;
    deps: RouteDeps;
  }): Promise<unknown>;
}

export function defineRoute<P extends z.ZodObject, B extends z.ZodType | undefined = undefined>(
  route: PublicRoute<P, B>,
): PublicRoute<P, B> {
  return route;
}
