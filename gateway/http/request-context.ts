/** Gives each request an id (echoed as X-Request-Id), a child logger and one access-log line. */
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import { logger } from '../logger';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const requestContext: Middleware = async (ctx, next) => {
  const incoming = ctx.get('X-Request-Id');
  const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
  ctx.state.requestId = requestId;
  ctx.set('X-Request-Id', requestId);
  // The child logger is made only when something logs (most requests log one line at info).
  let log: ReturnType<typeof logger> | undefined;
  Object.defineProperty(ctx.state, 'log', { get: () => (log ??= logger().child({ requestId })), configurable: true });
  const started = process.hrtime.bigint();
  try {
    await next();
  } finally {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (ctx.path !== '/healthz' && ctx.path !== '/metrics') {
      // Only the path: query strings can carry phone digits or tracking numbers.
      const root = logger();
      if (root.isLevelEnabled('info')) (ctx.state.log as typeof root).info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  }
};
