/** Gives each request an id (echoed as X-Request-Id), a child logger and one access-log line. */
import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { logger } from '../logger';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * `ctx.state` of every request. The child logger is made only when something logs (most requests
 * log one line at info, none at warn); a getter on the class costs nothing per request, unlike
 * defining a property with a fresh closure on each request's state.
 */
export class RequestState {
  private childLog: Logger | undefined;

  constructor(readonly requestId: string) {}

  get log(): Logger {
    return (this.childLog ??= logger().child({ requestId: this.requestId }));
  }
}

export const requestContext: Middleware = async (ctx, next) => {
  const incoming = ctx.get('X-Request-Id');
  const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
  ctx.state = new RequestState(requestId);
  ctx.set('X-Request-Id', requestId);
  // The access log is written at info; below that level there is nothing to time.
  const started = logger().isLevelEnabled('info') ? process.hrtime.bigint() : undefined;
  try {
    await next();
  } finally {
    if (started !== undefined && ctx.path !== '/healthz' && ctx.path !== '/metrics') {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Only the path: query strings can carry phone digits or tracking numbers.
      (ctx.state as RequestState).log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  }
};
