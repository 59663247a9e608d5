/** Prometheus metrics: default process metrics plus request counts and latency by route. */
import type { Middleware } from 'koa';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'onewindow_' });

type RequestLabels = { method: string; route: string; status: string };

/**
 * Request counts are added up here and handed to prom-client when the metrics are read: its inc()
 * validates and hashes the labels on every call, which cost more than the rest of this middleware.
 * Every read (a scrape, registry.metrics(), counter.get()) runs `collect` first, so it sees the
 * same totals, series in the same order of first appearance.
 */
const uncounted = new Map<string, { labels: RequestLabels; count: number }>();

// Read only through the registry.
new Counter({
  name: 'onewindow_http_requests_total',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
  collect() {
    for (const { labels, count } of uncounted.values()) this.inc(labels, count);
    uncounted.clear();
  },
});

function countRequest(method: string, route: string, status: string): void {
  const key = `${method}\n${route}\n${status}`;
  const series = uncounted.get(key);
  if (series) series.count++;
  else uncounted.set(key, { labels: { method, route, status }, count: 1 });
}

const duration = new Histogram({
  name: 'onewindow_http_request_duration_seconds',
  help: 'HTTP request latency by method and route',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const httpMetrics: Middleware = async (ctx, next) => {
  // Timed by hand rather than with startTimer(), which makes two closures and a label object per request.
  const started = process.hrtime.bigint();
  try {
    await next();
  } finally {
    // The matched route pattern keeps label cardinality bounded (never the raw path).
    const route = (ctx as { _matchedRoute?: string })._matchedRoute ?? (ctx.path.startsWith('/api/') ? 'unmatched' : 'static');
    duration.observe({ method: ctx.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    countRequest(ctx.method, route, String(ctx.status));
  }
};

// Not async: every other request passes straight through, without a promise of its own.
export const metricsEndpoint: Middleware = (ctx, next) => {
  if (ctx.path !== '/metrics' || ctx.method !== 'GET') return next();
  ctx.type = registry.contentType;
  return registry.metrics().then((text) => {
    ctx.body = text;
  });
};
