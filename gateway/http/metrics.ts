/** Prometheus metrics: default process metrics plus request counts and latency by route. */
import type { Middleware } from 'koa';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'onewindow_' });

const requests = new Counter({
  name: 'onewindow_http_requests_total',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

const duration = new Histogram({
  name: 'onewindow_http_request_duration_seconds',
  help: 'HTTP request latency by method and route',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const httpMetrics: Middleware = async (ctx, next) => {
  const end = duration.startTimer();
  try {
    await next();
  } finally {
    // The matched route pattern keeps label cardinality bounded (never the raw path).
    const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? (ctx.path.startsWith('/api/') ? 'unmatched' : 'static');
    end({ method: ctx.method, route });
    requests.inc({ method: ctx.method, route, status: String(ctx.status) });
  }
};

export const metricsEndpoint: Middleware = async (ctx, next) => {
  if (ctx.path !== '/metrics' || ctx.method !== 'GET') return next();
  ctx.type = registry.contentType;
  ctx.body = await registry.metrics();
};
