/** GET /healthz: 200 {"status":"ok","db":"ok"} when the database answers, 503 otherwise. */
import type { Context, Middleware } from 'koa';
import { pingDatabase } from '../db/connection';

// Not async: every other request passes straight through, without a promise of its own.
export const healthEndpoint: Middleware = (ctx, next) => {
  if (ctx.path !== '/healthz' || ctx.method !== 'GET') return next();
  return answerHealth(ctx);
};

async function answerHealth(ctx: Context): Promise<void> {
  const db = await pingDatabase();
  ctx.status = db ? 200 : 503;
  if (!db) ctx.set('Retry-After', '5');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { status: db ? 'ok' : 'degraded', db: db ? 'ok' : 'unreachable' };
}
