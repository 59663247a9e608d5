/** The Koa application: cross-cutting middleware, then the API, then the H5 app. */
// First, before the modules below are loaded: see the file for why.
import './http/disable-pretenuring';
import Koa from 'koa';
import { config } from '../config/server';
import { apiRouters } from './api';
import { healthEndpoint } from './health/routes';
import { authenticate } from './identity/middleware';
import { errorHandler } from './http/error-handler';
import { httpMetrics, metricsEndpoint } from './http/metrics';
import { requestContext } from './http/request-context';
import { bodyParser, corsAllowList, securityHeaders } from './http/security';
import { open311Router } from './open311/routes';
import { serveH5 } from './web/h5-static';

export interface AppOptions {
  /** Folder of the built H5 mini-program to serve at `/`. */
  h5Dir?: string;
}

export function createApp(options: AppOptions = {}): Koa {
  const cfg = config();
  const app = new Koa({ proxy: cfg.trustProxy });
  app.silent = true; // errors are logged by errorHandler, once, without personal data
  app.use(requestContext);
  app.use(httpMetrics);
  app.use(errorHandler);
  app.use(securityHeaders());
  app.use(corsAllowList(cfg.corsOrigins));
  app.use(metricsEndpoint);
  app.use(healthEndpoint);
  app.use(bodyParser());
  // Open311 (its own formats and errors; API keys, not our tokens) answers every /open311/v2 path.
  app.use(open311Router);
  app.use(authenticate);
  // All domain routers share one route table (see http/routes.ts): mount it once.
  const [api] = apiRouters;
  app.use(api.middleware());
  app.use(api.allowedMethods());
  if (options.h5Dir) app.use(serveH5(options.h5Dir));
  return app;
}
