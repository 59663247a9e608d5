/**
 * Open311 GeoReport v2 at /open311/v2 (http://wiki.open311.org/GeoReport_v2): services, service
 * definitions, requests (POST with an api_key, GET with the date/status filters), single requests
 * and tokens, each as `.json` or `.xml`. Errors use the spec's own list of `{code, description}`.
 * It is its own router, not part of the JSON API's route table: its answers and errors have the
 * spec's shapes, and it answers every path under its prefix.
 */
import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { notFound } from '../errors';
import { toAppError } from '../http/error-handler';
import { parseOrThrow } from '../http/validate';
import type { Actor } from '../identity/actor';
import { enforce, rateLimit } from '../limits/rate-limit';
import { logger } from '../logger';
import { respond } from './format';
import { verifyKey } from './keys';
import { createRequest, findRequest, findRequests, findToken } from './requests';
import { KeyQuerySchema, RequestBodySchema, RequestQuerySchema } from './schema';
import { presentServiceDefinition, presentServiceList, serviceByCode } from './services';

/** 404 for resources that do not exist, 403 for api_key problems, 400 for any other client error. */
function open311Status(status: number): number {
  if (status >= 500 || status === 403 || status === 404 || status === 429) return status;
  return status === 401 ? 403 : 400;
}

const open311Errors: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (raw) {
    const err = toAppError(raw);
    if (err.status >= 500) (ctx.state.log ?? logger()).error({ err: raw, code: err.code }, 'open311 request failed');
    const status = open311Status(err.status);
    if (err.retryAfter) ctx.set('Retry-After', String(err.retryAfter));
    respond(ctx, 'errors', [{ code: status, description: err.expose ? err.message : '服务暂时不可用，请稍后重试' }], status);
  }
};

const knownFormat: Middleware = async (ctx, next) => {
  if (ctx.params.format !== 'json' && ctx.params.format !== 'xml') throw notFound('open311.format_unknown', '只支持 .json 和 .xml 格式');
  await next();
};

const reads = rateLimit('open311-read', { address: [{ limit: 600, windowSeconds: 3600 }] });
// Per address before the key is checked (generous: one client server files for many residents); per key after.
const writes = rateLimit('open311-write', { address: [{ limit: 1200, windowSeconds: 3600 }] });

/** Callers with a valid api_key also read descriptions; a wrong key is an error, not a downgrade. */
async function readerOf(ctx: Context): Promise<{ withDescription: boolean }> {
  const { api_key } = parseOrThrow(KeyQuerySchema, ctx.query, 'query');
  return { withDescription: api_key ? Boolean(await verifyKey(api_key)) : false };
}

const PREFIX = '/open311/v2';
const router = new Router({ prefix: PREFIX });

router
  .use(open311Errors)
  .get('/services.:format', knownFormat, (ctx) => respond(ctx, 'services', presentServiceList()))
  .get('/services/:code.:format', knownFormat, (ctx) => {
    const service = serviceByCode(ctx.params.code);
    if (!service) throw notFound('open311.service_not_found', `未找到服务：${ctx.params.code}`);
    respond(ctx, 'service_definition', presentServiceDefinition(service));
  })
  .post('/requests.:format', knownFormat, writes, async (ctx) => {
    const body = parseOrThrow(RequestBodySchema, (ctx.request as { body?: unknown }).body ?? {}, 'body');
    const key = await verifyKey(body.api_key);
    await enforce(`open311-write:key:${key.id}`, [{ limit: 600, windowSeconds: 3600 }], 'rate.limited', '提交太频繁，请稍后再试');
    const actor: Actor = { kind: 'anonymous', channel: 'open311', ip: ctx.ip };
    respond(ctx, 'service_requests', await createRequest(actor, key.id, body), 201);
  })
  .get('/requests.:format', knownFormat, reads, async (ctx) => {
    const query = parseOrThrow(RequestQuerySchema, ctx.query, 'query');
    respond(ctx, 'service_requests', await findRequests(query, await readerOf(ctx)));
  })
  .get('/requests/:id.:format', knownFormat, reads, async (ctx) => respond(ctx, 'service_requests', await findRequest(ctx.params.id, await readerOf(ctx))))
  .get('/tokens/:id.:format', knownFormat, reads, async (ctx) => respond(ctx, 'service_requests', await findToken(ctx.params.id)))
  .all('/{*rest}', () => {
    throw notFound('open311.not_found', '未找到该接口（Open311 GeoReport v2）');
  });

const routes = router.routes() as unknown as Middleware;

/** Every path this router can match starts with PREFIX, in any case (its routes are case-insensitive). */
const UNDER_PREFIX = /^\/open311\/v2/i;

/** Mounted by the app beside the API's route table; other paths skip its route-table walk entirely. */
export const open311Router: Middleware = (ctx, next) => (UNDER_PREFIX.test(ctx.path) ? routes(ctx, next) : next());
