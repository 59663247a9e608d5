/**
 * Declares API routes once: the Koa route with validation, and its OpenAPI description.
 * A route reads as a middleware chain ending in a small handler that gets typed input and
 * returns the response body.
 */
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import type { z, ZodType } from 'zod';
import { dispatchRoutes } from './route-dispatch';
import { parseOrThrow } from './validate';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
}

export interface RouteSpec<B extends ZodType, Q extends ZodType, P extends ZodType> {
  method: Method;
  path: string;
  summary: string;
  tags?: string[];
  /** Middleware run before validation (auth, rate limits). */
  use?: Middleware[];
  /** Whether the route needs a bearer token (documentation only; `use` enforces it). */
  auth?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  /** Success status; 200 unless given. */
  status?: number;
  handler: (ctx: Context, input: RouteInput<z.output<B>, z.output<Q>, z.output<P>>) => unknown;
}

export interface DocumentedRoute {
  method: Method;
  path: string;
  summary: string;
  tags: string[];
  auth: boolean;
  status: number;
  body?: ZodType;
  query?: ZodType;
  params?: ZodType;
}

/** Every route declared through `ApiRouter`, for the OpenAPI document. */
export const documentedRoutes: DocumentedRoute[] = [];

/**
 * Every ApiRouter registers into this one router, so a request is matched in one pass over the
 * route table instead of walking a chain of per-domain routers.
 */
const sharedRouter = new Router();

export class ApiRouter {
  readonly router = sharedRouter;

  constructor(readonly prefix: string) {}

  route<B extends ZodType = ZodType<undefined>, Q extends ZodType = ZodType<undefined>, P extends ZodType = ZodType<undefined>>(
    spec: RouteSpec<B, Q, P>,
  ): this {
    documentedRoutes.push({
      method: spec.method,
      path: this.prefix + spec.path,
      summary: spec.summary,
      tags: spec.tags ?? [],
      auth: spec.auth ?? false,
      status: spec.status ?? 200,
      body: spec.body,
      query: spec.query,
      params: spec.params,
    });
    const handle: Middleware = async (ctx) => {
      const input = {
        body: spec.body ? parseOrThrow(spec.body, (ctx.request as { body?: unknown }).body ?? {}, 'body') : undefined,
        query: spec.query ? parseOrThrow(spec.query, ctx.query, 'query') : undefined,
        params: spec.params ? parseOrThrow(spec.params, ctx.params, 'params') : undefined,
      } as RouteInput<z.output<B>, z.output<Q>, z.output<P>>;
      const result = await spec.handler(ctx, input);
      if (result !== undefined) ctx.body = result;
      if (spec.status) ctx.status = spec.status;
      else if (ctx.body == null) ctx.status = 204;
    };
    this.router[spec.method](this.prefix + spec.path, ...(spec.use ?? []), handle);
    return this;
  }

  middleware(): Middleware {
    return dispatchRoutes(this.router);
  }

  allowedMethods(): Middleware {
    // Throwing lets the error handler answer 405/501 in the project's error shape.
    return this.router.allowedMethods({ throw: true }) as unknown as Middleware;
  }
}
