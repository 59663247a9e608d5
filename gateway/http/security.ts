/** Security headers, the CORS allow-list and body limits. */
import cors from '@koa/cors';
import type { ServerResponse } from 'node:http';
import type { Middleware } from 'koa';
import helmet, { type HelmetOptions } from 'helmet';
import { koaBody } from 'koa-body';

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
      connectSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

type HeaderStep = { set: string; value: string } | { remove: string };

/**
 * What helmet does to a response, recorded once. No directive above is a function of the request,
 * so every response gets the same headers: replaying them costs a few setHeader calls instead of
 * helmet's chain of a dozen callbacks wrapped in a promise per request.
 */
export function recordHelmetHeaders(options: HelmetOptions = HELMET_OPTIONS): HeaderStep[] {
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void steps.push({ set: name, value: String(value) }),
    removeHeader: (name: string) => void steps.push({ remove: name }),
  };
  let done: { err?: unknown } | undefined;
  helmet(options)({} as never, recorder as never, (err?: unknown) => (done = { err }));
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be recorded once');
  if (done.err) throw done.err;
  return steps;
}

export function securityHeaders(): Middleware {
  const steps = recordHelmetHeaders();
  const apply = (res: ServerResponse) => {
    for (const step of steps) {
      if ('set' in step) res.setHeader(step.set, step.value);
      else res.removeHeader(step.remove);
    }
  };
  return (ctx, next) => {
    apply(ctx.res);
    return next();
  };
}

/** Only listed origins (the H5 app's, when served elsewhere) may call the API from a browser. */
export function corsAllowList(origins: string[]): Middleware {
  const allowed = new Set(origins);
  const listed = cors({
    origin: (ctx) => ctx.get('Origin'),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  return (ctx, next) => {
    // Almost every request (same origin, mini-program, bot) has no listed Origin: it only gets
    // `Vary: Origin`, exactly what @koa/cors does for an origin it refuses, without its promise chain.
    if (!allowed.has(ctx.get('Origin'))) {
      if (ctx.res.hasHeader('Vary')) ctx.vary('Origin');
      else ctx.res.setHeader('Vary', 'Origin'); // what vary() writes when there is none yet
      return next();
    }
    return listed(ctx, next);
  };
}

/** koa-body's default `parsedMethods`: the only methods whose body is read. */
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

export function bodyParser(): Middleware {
  const parse = koaBody({
    json: true,
    jsonStrict: true,
    urlencoded: true,
    text: false,
    multipart: false,
    jsonLimit: '256kb',
    formLimit: '64kb',
  });
  // koa-body would inspect the content type four times before looking at the method.
  return (ctx, next) => (METHODS_WITH_BODY.has(ctx.method) ? parse(ctx, next) : next());
}
