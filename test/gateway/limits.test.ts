/**
 * Batched rate limits for public reads: a client over its limit gets 429 with Retry-After and a
 * Chinese message; counts reach MongoDB, so another gateway instance stops the same client once it
 * has learned the shared total (at most one flush interval later).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa from 'koa';
import { errorHandler } from '../../gateway/http/error-handler';
import { batchedRateLimit } from '../../gateway/limits/batched-middleware';
import { RateLimitModel } from '../../models/rate-limit';
import { connectTestDatabase, dropTestDatabase } from '../support/db';
import { waitFor } from '../support/wait';

const servers: Server[] = [];

/** One "gateway instance": its own limiter state, the shared database. */
async function instance(): Promise<string> {
  const app = new Koa({ proxy: true });
  app.use(errorHandler);
  app.use(batchedRateLimit('test-slots', { address: [{ limit: 3, windowSeconds: 600 }] }));
  app.use((ctx) => {
    ctx.body = { ok: true };
  });
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => connectTestDatabase('limits'));
afterAll(async () => {
  for (const s of servers) s.close();
  await dropTestDatabase();
});

const get = (base: string, address: string) => fetch(base, { headers: { 'x-forwarded-for': address } });

it('answers 429 with Retry-After past the limit, per client address', async () => {
  const a = await instance();
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await get(a, '10.0.0.1')).status);
  expect(statuses).toEqual([200, 200, 200, 429]);
  const refused = await get(a, '10.0.0.1');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await refused.json()).error).toMatchObject({ code: 'rate.limited', message: '操作太频繁，请稍后再试' });
  expect((await get(a, '10.0.0.2')).status).toBe(200); // another resident is not affected
});

it('shares counts through MongoDB: another instance stops the client once it has learned the total', async () => {
  const [a, b] = [await instance(), await instance()];
  for (let i = 0; i < 3; i++) expect((await get(a, '10.0.0.9')).status).toBe(200);
  const shared = async () => (await RateLimitModel.findOne({ _id: { $regex: /^test-slots:ip:10\.0\.0\.9\|/ } }).lean())?.count;
  await waitFor(async () => (await shared()) === 3, undefined, "a's counts flushed (every 500 ms)");
  expect((await get(b, '10.0.0.9')).status).toBe(200); // b has not learned the total yet: one flush of overshoot
  // b's flush adds its count and learns the total in one write.
  await waitFor(async () => (await shared()) === 4, undefined, "b's count flushed");
  await new Promise((r) => setTimeout(r, 100)); // and its reply (the total) handled
  expect((await get(b, '10.0.0.9')).status).toBe(429);
});
