/** GET /healthz: 200 {"status":"ok","db":"ok"} when the database answers, 503 otherwise. */
import type { Middleware } from 'koa';
import { pingDatabase } from '../db/connection';

export const healthEndpoint: Middleware = async (ctx, next) => {
  if (ctx.path !== '/healthz' || ctx.method !== 'GET') return next();
  const db = await pingDatabase();
  ctx.status = db ? 200 : 503;
  if (!db) ctx.set('Retry-After', '5');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { status: db ? 'ok' : 'degraded', db: db ? 'ok' : 'unreachable' };
};
