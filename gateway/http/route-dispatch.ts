/**
 * Runs a @koa/router route table the way `router.routes()` does, with one difference: what a method
 * and path match is worked out once. `router.routes()` tests every route's regular expression on
 * every request (about a hundred here, each behind a debug call), reads the Host header and
 * composes a new middleware chain; here the matched routes and their composed chain are kept per
 * method and path (a bounded map, forgotten when a route is added) and a request costs a map look-up.
 *
 * A matched request sees what the router gives it: ctx.matched, ctx.router, ctx.routeMatched,
 * ctx._matchedRoute(Name), and per route ctx.captures, ctx.params, ctx.routerPath, ctx.routerName.
 * Requests no route answers (404, 405, OPTIONS) go through `router.routes()` itself. Only the
 * router's DEBUG=koa-router trace is not written for matched requests.
 */
import type Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';

type Layer = Router['stack'][number];

interface Plan {
  /** Layers whose path matches (what allowedMethods reads from ctx.matched). */
  path: Layer[];
  /** The route that names the request in metrics before its own chain runs. */
  route: Layer;
  chain: Middleware[];
}

/** The router's state on the context; @koa/router declares these only on its own context type. */
interface RouterState {
  matched?: Layer[];
  router?: Router;
  routeMatched?: boolean;
  _matchedRoute?: string | RegExp;
  _matchedRouteName?: string;
  captures?: string[];
  params: Record<string, string>;
  routerPath?: string | RegExp;
  routerName?: string;
}

const state = (ctx: Context) => ctx as unknown as RouterState & { request: { params?: Record<string, string> } };

interface ChainRun {
  chain: Middleware[];
  ctx: Context;
  next: Next;
  called: number;
}

/** koa-compose's contract for one run of a fixed chain (module-level functions: no closures per request). */
function step(run: ChainRun, i: number): Promise<unknown> {
  if (i <= run.called) return Promise.reject(new Error('next() called multiple times'));
  run.called = i;
  const fn = i < run.chain.length ? run.chain[i] : run.next;
  if (!fn) return Promise.resolve();
  try {
    return Promise.resolve(fn(run.ctx, step.bind(null, run, i + 1) as Next));
  } catch (err) {
    return Promise.reject(err);
  }
}

const runChain = (chain: Middleware[], ctx: Context, next: Next) => step({ chain, ctx, next, called: -1 }, 0);

/** What `router.routes()` runs for one matched layer before the layer's own middleware. */
function enterLayer(layer: Layer, requestPath: string): Middleware {
  const captures = layer.captures(requestPath);
  return (ctx, next) => {
    const s = state(ctx);
    s.captures = [...captures];
    s.request.params = layer.params(requestPath, s.captures, s.params);
    s.params = s.request.params;
    s.routerPath = layer.path;
    s.routerName = layer.name || undefined;
    s._matchedRoute = layer.path;
    if (layer.name) s._matchedRouteName = layer.name;
    return next();
  };
}

function planFor(router: Router, requestPath: string, method: string): Plan | undefined {
  const found = router.match(requestPath, method);
  if (!found.route) return undefined;
  const layers = found.pathAndMethod;
  const chain: Middleware[] = [];
  for (const layer of layers) chain.push(enterLayer(layer, requestPath), ...(layer.stack as Middleware[]));
  return {
    path: found.path,
    route: [...layers].reverse().find((layer) => layer.methods.length > 0)!,
    chain,
  };
}

export function dispatchRoutes(router: Router, options: { capacity?: number; maxPathLength?: number } = {}): Middleware {
  const { capacity = 2000, maxPathLength = 256 } = options;
  if (router.host || router.opts.routerPath) throw new Error('dispatchRoutes: host and routerPath options are not supported');
  const unmatched = router.routes() as unknown as Middleware;
  let plans = new Map<string, Plan | null>();
  let routeCount = router.stack.length;
  return (ctx, next) => {
    const s = state(ctx);
    // As @koa/router: a router path set by an earlier middleware wins over the request's.
    const requestPath: string = (ctx as { newRouterPath?: string }).newRouterPath || ctx.path;
    if (router.stack.length !== routeCount) {
      plans = new Map();
      routeCount = router.stack.length;
    }
    const key = `${ctx.method} ${requestPath}`;
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = planFor(router, requestPath, ctx.method) ?? null;
      if (requestPath.length <= maxPathLength) {
        if (plans.size >= capacity) plans.clear();
        plans.set(key, plan);
      }
    }
    if (plan === null) return unmatched(ctx, next);
    if (s.matched) s.matched.push(...plan.path);
    else s.matched = [...plan.path];
    s.router = router;
    s.routeMatched = true;
    s._matchedRoute = plan.route.path;
    if (plan.route.name) s._matchedRouteName = plan.route.name;
    return runChain(plan.chain, ctx, next);
  };
}
