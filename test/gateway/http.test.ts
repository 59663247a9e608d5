/** The cross-cutting HTTP pieces: one error shape, validation, OpenAPI, metrics, security headers. */
import type { Server } from 'node:http';
import Koa from 'koa';
import { z } from 'zod';
import { AppError } from '../../gateway/errors';
import { errorHandler } from '../../gateway/http/error-handler';
import { ApiRouter } from '../../gateway/http/routes';
import { bodyParser } from '../../gateway/http/security';
import { startTestGateway, type TestGateway } from '../support/gateway';

describe('a running gateway', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ label: 'http' });
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

  it('allows cross-origin calls only from listed origins', async () => {
    const res = await gw.request('GET', '/api/v1/meta', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('validation and errors through the route helper', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const api = new ApiRouter('/t')
      .route({
        method: 'post',
        path: '/echo/:id',
        summary: 'echo',
        params: z.object({ id: z.string().regex(/^\d+$/) }),
        body: z.object({ phone: z.string().regex(/^1[3-9]\d{9}$/, '请输入正确的手机号码').meta({ label: '手机号码' }), count: z.number().int().min(1) }),
        status: 201,
        handler: (_ctx, { body, params }) => ({ id: params.id, phone: body.phone, count: body.count }),
      })
      .route({ method: 'get', path: '/boom', summary: 'boom', handler: () => { throw new Error('secret internals at /srv/x.ts:10'); } })
      .route({ method: 'get', path: '/teapot', summary: 'teapot', handler: () => { throw new AppError(409, 'demo.conflict', '已存在', { n: 1 }); } });
    const app = new Koa();
    app.silent = true;
    app.use(errorHandler);
    app.use(bodyParser());
    app.use(api.middleware());
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
});
