import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { serveH5 } from '../../gateway/web/h5-static';

describe('serving the H5 app', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-h5-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>一窗通办</title>');
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'js', 'app.0123abcd.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'outside-secret.txt'), 'secret');
    const app = new Koa();
    app.use(serveH5(dir));
    app.use((ctx) => {
      ctx.status = 404;
      ctx.body = 'next';
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('serves files with their type and long caching for hashed assets', async () => {
    const res = await fetch(`${base}/js/app.0123abcd.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('answers page routes with index.html (browser-history routing)', async () => {
    const res = await fetch(`${base}/pages/guides/index`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('一窗通办');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('never answers API or system paths', async () => {
    for (const path of ['/api/v1/anything', '/healthz', '/metrics', '/open311/v2/services.json']) {
      expect(await (await fetch(base + path, { headers: { accept: 'text/html' } })).text()).toBe('next');
    }
  });

  it('does not leave its folder', async () => {
    const res = await fetch(`${base}/..%2foutside-secret.txt`);
    expect(await res.text()).not.toBe('secret');
    const missing = await fetch(`${base}/missing.js`);
    expect(missing.status).toBe(404);
  });
});
