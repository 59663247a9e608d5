/** The cross-cutting HTTP pieces: one error shape, validation, OpenAPI, metrics, security headers. */
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import Koa from 'koa';
import { z } from 'zod';
import { AppError } from '../../gateway/errors';
import { errorHandler } from '../../gateway/http/error-handler';
import { requestContext } from '../../gateway/http/request-context';
import { ApiRouter } from '../../gateway/http/routes';
import { bodyParser, recordHelmetHeaders } from '../../gateway/http/security';
import { createLogger, logger, useLogger } from '../../gateway/logger';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { ExpectedTestError } from '../support/expected-error';

const LISTED_ORIGIN = 'https://h5.example';

describe('a running gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ label: 'http', env: { CORS_ORIGINS: LISTED_ORIGIN } });
  });
  afterAll(() => gw.stop());

  it('answers an unknown API path with the error shape and a Chinese message', async () => {
    const res = await gw.request('GET', '/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'route.not_found', message: '您访问的地址不存在' } });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await gw.request('POST', '/api/v1/meta', { body: '{"broken', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.malformed');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await gw.request('POST', '/api/v1/meta', { body: { text: 'x'.repeat(300 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('request.too_large');
  });

  it('answers a wrong method on a known path with 405 in the error shape', async () => {
    const res = await gw.request('DELETE', '/api/v1/meta');
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('request.method_not_allowed');
  });

  it('serves the center metadata the clients show first', async () => {
    const res = await gw.request('GET', '/api/v1/meta');
    expect(res.status).toBe(200);
    expect(res.body.windows.map((w: { name: string }) => w.name)).toEqual(['市场准入', '基本建设', '农牧业产业发展', '社会事业']);
  });

  it('publishes an OpenAPI 3 document generated from the routes, and a readable page', async () => {
    const doc = await gw.request('GET', '/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.paths['/api/v1/meta'].get.summary).toBeTruthy();
    const page = await gw.request('GET', '/api/v1/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('/api/v1/meta');
  });

  it('exposes Prometheus metrics with request counts by route', async () => {
    await gw.request('GET', '/api/v1/meta');
    const res = await gw.request('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/onewindow_http_requests_total\{method="GET",route="\/api\/v1\/meta",status="200"\} \d+/);
    expect(res.text).toContain('onewindow_process_resident_memory_bytes');
  });

  it('sends security headers and a request id', async () => {
    const res = await gw.request('GET', '/api/v1/meta', { headers: { 'x-request-id': 'abc12345-req' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-request-id')).toBe('abc12345-req');
  });

  it('sends every header helmet would set, on answers and on errors alike', async () => {
    const steps = recordHelmetHeaders();
    expect(steps.length).toBeGreaterThan(10);
    for (const path of ['/api/v1/meta', '/api/v1/no-such-thing', `/api/v1/guides?q=${encodeURIComponent('结婚')}`]) {
      const res = await gw.request('GET', path);
      for (const step of steps) {
        if ('set' in step) expect([path, step.set, res.headers.get(step.set)]).toEqual([path, step.set, step.value]);
        else expect(res.headers.get(step.remove)).toBeNull();
      }
    }
    expect(steps).toContainEqual({ set: 'Content-Security-Policy', value: expect.stringContaining("frame-ancestors 'none'") });
  });

  it('makes up a request id when the caller sends none or an unsafe one', async () => {
    const none = await gw.request('GET', '/api/v1/meta');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const unsafe = await gw.request('GET', '/api/v1/meta', { headers: { 'x-request-id': 'a b<script>' } });
    expect(unsafe.headers.get('x-request-id')).not.toContain('script');
  });

  it('allows cross-origin calls only from listed origins', async () => {
    const refused = await gw.request('GET', '/api/v1/meta', { headers: { origin: 'https://evil.example' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('vary')).toBe('Origin');
    const listed = await gw.request('GET', '/api/v1/meta', { headers: { origin: LISTED_ORIGIN } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(listed.headers.get('access-control-expose-headers')).toBe('X-Request-Id,Retry-After');
    expect(listed.headers.get('vary')).toBe('Origin');
    const preflight = await gw.request('OPTIONS', '/api/v1/meta', { headers: { origin: LISTED_ORIGIN, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(LISTED_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,Idempotency-Key,X-Request-Id');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
  });

  it('counts every request exactly, between and across scrapes, with its latency', async () => {
    const counts = async () => {
      const text = (await gw.request('GET', '/metrics')).text;
      const requests = /onewindow_http_requests_total\{method="GET",route="\/api\/v1\/life-events",status="200"\} (\d+)/.exec(text)?.[1];
      const timed = /onewindow_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/life-events"\} (\d+)/.exec(text)?.[1];
      return [Number(requests ?? 0), Number(timed ?? 0)];
    };
    const [before] = await counts();
    for (let i = 0; i < 3; i++) await gw.request('GET', '/api/v1/life-events');
    const [afterThree, timedThree] = await counts();
    expect(afterThree).toBe(before + 3);
    expect(timedThree).toBe(afterThree);
    await gw.request('GET', '/api/v1/life-events');
    expect(await counts()).toEqual([before + 4, before + 4]);
  });

  it('counts requests under their route pattern, never the raw path', async () => {
    await gw.request('GET', '/api/v1/guides/NO-SUCH-CODE');
    const res = await gw.request('GET', '/metrics');
    expect(res.text).toMatch(/onewindow_http_requests_total\{method="GET",route="\/api\/v1\/guides\/:code",status="404"\} \d+/);
    expect(res.text).not.toContain('NO-SUCH-CODE');
  });
});

describe('validation and errors through the route helper', () => {
  let server: Server;
  let base: string;
  let api: ApiRouter;
  beforeAll(async () => {
    api = new ApiRouter('/t')
      .route({
        method: 'post',
        path: '/echo/:id',
        summary: 'echo',
        params: z.object({ id: z.string().regex(/^\d+$/) }),
        body: z.object({ phone: z.string().regex(/^1[3-9]\d{9}$/, '请输入正确的手机号码').meta({ label: '手机号码' }), count: z.number().int().min(1) }),
        status: 201,
        handler: (_ctx, { body, params }) => ({ id: params.id, phone: body.phone, count: body.count }),
      })
      .route({ method: 'get', path: '/boom', summary: 'boom', handler: () => { throw new ExpectedTestError('secret internals at /srv/x.ts:10'); } })
      .route({ method: 'get', path: '/teapot', summary: 'teapot', handler: () => { throw new AppError(409, 'demo.conflict', '已存在', { n: 1 }); } })
      .route({ method: 'delete', path: '/echo/:id', summary: 'what arrived as a body', handler: (ctx) => ({ body: (ctx.request as { body?: unknown }).body ?? null }) })
      .route({ method: 'get', path: '/items/newest', summary: 'a fixed path declared first', handler: () => ({ item: 'newest' }) })
      .route({ method: 'get', path: '/items/:id', summary: 'any item', params: z.object({ id: z.string() }), handler: (_ctx, { params }) => ({ item: params.id }) });
    const app = new Koa();
    app.silent = true;
    app.use(async (ctx, next) => {
      await next();
      ctx.set('X-Route', String((ctx as { _matchedRoute?: string })._matchedRoute ?? ''));
    });
    app.use(errorHandler);
    app.use(bodyParser());
    app.use(api.middleware());
    app.use(api.allowedMethods());
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const post = (path: string, body: unknown) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('passes typed input to the handler and uses the declared status', async () => {
    const res = await post('/t/echo/42', { phone: '13800138000', count: 2 });
    expect(res).toEqual({ status: 201, body: { id: '42', phone: '13800138000', count: 2 } });
  });

  it('turns the first validation problem into a 400 with the field label and a Chinese message', async () => {
    const res = await post('/t/echo/42', { phone: '12345', count: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('request.invalid');
    expect(res.body.error.message).toBe('手机号码：请输入正确的手机号码');
    expect(res.body.error.details.issues[0].field).toBe('phone');
  });

  it('reports a missing field in Chinese too', async () => {
    const res = await post('/t/echo/42', { phone: '13800138000' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.body.error.details.issues[0].field).toBe('count');
  });

  it('validates path parameters', async () => {
    const res = await post('/t/echo/abc', { phone: '13800138000', count: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.in).toBe('params');
  });

  it('hides internals of unexpected errors behind a generic 500', async () => {
    const res = await fetch(`${base}/t/boom`).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal');
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });

  it('writes project errors with their status, code and details', async () => {
    const res = await fetch(`${base}/t/teapot`).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(res).toEqual({ status: 409, body: { error: { code: 'demo.conflict', message: '已存在', details: { n: 1 } } } });
  });

  const get = (path: string) => fetch(base + path).then(async (r) => ({ status: r.status, route: r.headers.get('x-route'), body: await r.json() }));

  it('routes to the first route declared for a path, with decoded parameters and the matched pattern', async () => {
    for (let i = 0; i < 2; i++) {
      expect(await get('/t/items/newest')).toEqual({ status: 200, route: '/t/items/newest', body: { item: 'newest' } });
      expect(await get('/t/items/%E7%BB%93%E5%A9%9A')).toEqual({ status: 200, route: '/t/items/:id', body: { item: '结婚' } });
    }
  });

  it('answers a known path with a wrong method with 405, and sees routes added later', async () => {
    expect((await fetch(`${base}/t/later`, { method: 'POST' })).status).toBe(404);
    api.route({ method: 'post', path: '/later', summary: 'added after the first requests', handler: () => ({ later: true }) });
    expect((await fetch(`${base}/t/later`, { method: 'POST' }).then((r) => r.json()))).toEqual({ later: true });
    const res = await fetch(`${base}/t/later`, { method: 'GET' }).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(res.status).toBe(405);
    expect(res.body.error.code).toBe('request.method_not_allowed');
  });

  it('reads a body only for POST, PUT and PATCH', async () => {
    const res = await fetch(`${base}/t/echo/1`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{"not":"read"' });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { body: null } });
  });
});

describe('access log', () => {
  let server: Server;
  let base: string;
  let lines: Array<Record<string, unknown>>;
  const previous = logger();
  beforeAll(async () => {
    lines = [];
    const stream = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)));
        cb();
      },
    });
    useLogger(createLogger('info', stream));
    const app = new Koa();
    app.silent = true;
    app.use(requestContext);
    app.use(errorHandler);
    app.use((ctx) => {
      if (ctx.path === '/boom') throw new ExpectedTestError('internals');
      ctx.body = { ok: true };
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    useLogger(previous);
    await new Promise((r) => server.close(r));
  });

  it('writes one line per request at info, with the request id, and none for health checks', async () => {
    await fetch(`${base}/things?phone=13800138000`, { headers: { 'x-request-id': 'access-log-1' } });
    await fetch(`${base}/healthz`);
    await fetch(`${base}/boom`, { headers: { 'x-request-id': 'access-log-2' } });
    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toEqual([
      expect.objectContaining({ level: 'info', requestId: 'access-log-1', method: 'GET', path: '/things', status: 200, ms: expect.any(Number) }),
      expect.objectContaining({ level: 'info', requestId: 'access-log-2', method: 'GET', path: '/boom', status: 500 }),
    ]);
    expect(lines.find((l) => l.msg === 'request failed')).toMatchObject({ level: 'error', requestId: 'access-log-2', code: 'internal' });
    expect(JSON.stringify(lines)).not.toContain('13800138000');
  });
});
