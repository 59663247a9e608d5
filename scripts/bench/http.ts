/**
 * HTTP figures at a fixed concurrency against a bare Koa handler measured in the same run, and the
 * database-bound paths against the raw driver doing the same operation on the same server.
 */
import mongoose from 'mongoose';
import { sharedReads } from '../../gateway/db/shared-reads';
import { demoGuides } from '../../gateway/seed/guides';
import queries from '../../test/fixtures/guide-queries.json';
import { CONNECTIONS, record, SECONDS } from './figures';
import { httpLoad, loopLoad, type HttpFigures } from './load';
import type { ChildServer } from './servers';

export interface HttpContext {
  gateway: ChildServer;
  bare: ChildServer;
}

/** Applications the status query cycles through (distinct numbers, as residents ask). */
const STATUS_APPLICATIONS = Number(process.env.BENCH_STATUS_APPLICATIONS ?? 200);

let baselineRps: number | undefined;

/** The bare Koa baseline, measured once per run. */
export async function bareBaseline(ctx: HttpContext): Promise<number> {
  if (baselineRps === undefined) {
    const baseline = await httpLoad(ctx.bare.url, ['/'], { connections: CONNECTIONS, seconds: SECONDS });
    record('bare Koa requests/s', baseline.rps, 'req/s');
    record('bare Koa p99 latency', baseline.p99, 'ms');
    baselineRps = baseline.rps;
  }
  return baselineRps;
}

export function recordHttp(label: string, figures: HttpFigures, baseline: number): void {
  record(`${label} requests/s`, figures.rps, 'req/s', baseline);
  record(`${label} p50 latency`, figures.p50, 'ms');
  record(`${label} p99 latency`, figures.p99, 'ms');
  record(`${label} non-2xx + errors`, figures.non2xx + figures.errors, 'count');
}

export async function benchGuides(ctx: HttpContext): Promise<void> {
  console.log(`\nGuides over HTTP at ${CONNECTIONS} connections, ${SECONDS} s each (gateway and baseline in their own processes)`);
  const baseline = await bareBaseline(ctx);
  const idleRss = ctx.gateway.rssMb();
  const searchPaths = (queries as Array<{ q: string }>).slice(0, 60).map((q) => `/api/v1/guides?q=${encodeURIComponent(q.q)}&pageSize=10`);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, ctx.gateway.rssMb())), 250);
  const search = await httpLoad(ctx.gateway.url, searchPaths, { connections: CONNECTIONS, seconds: SECONDS });
  clearInterval(sampler);
  recordHttp('guide search', search, baseline);
  record('gateway RSS idle', idleRss, 'MB');
  record('gateway RSS under search load (peak)', peakRss, 'MB', idleRss);

  const detailPaths = demoGuides.slice(0, 40).map((g) => `/api/v1/guides/${encodeURIComponent(g.code)}`);
  const detail = await httpLoad(ctx.gateway.url, detailPaths, { connections: CONNECTIONS, seconds: SECONDS });
  recordHttp('guide detail', detail, baseline);
  const guidesCol = mongoose.connection.db!.collection('guides');
  const rawGuide = await loopLoad((i) => guidesCol.findOne({ code: demoGuides[i % 40].code }), { concurrency: CONNECTIONS, seconds: SECONDS });
  record('raw driver findOne guide by code ops/s', rawGuide, 'ops/s');
  record('guide detail vs raw driver findOne', detail.rps, 'req/s', rawGuide);
}

export async function benchStatusQuery(ctx: HttpContext): Promise<void> {
  console.log('\nPublic application status query');
  const baseline = await bareBaseline(ctx);
  // Applications to query: registered by the demo clerk through the API.
  const login = await (await fetch(`${ctx.gateway.url}/api/v1/auth/staff-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'Demo@2026' }) })).json();
  const food = demoGuides.find((g) => g.name === '食品经营许可')!;
  const numbers: Array<{ number: string; last4: string }> = [];
  for (let i = 0; i < STATUS_APPLICATIONS; i++) {
    const phone = `1380013${String(i).padStart(4, '0')}`;
    const res = await (await fetch(`${ctx.gateway.url}/api/v1/staff/applications`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: JSON.stringify({ guideCode: food.code, applicant: { name: '测试', phone } }) })).json();
    numbers.push({ number: res.number, last4: phone.slice(-4) });
  }
  const status = await httpLoad(ctx.gateway.url, numbers.map((n) => `/api/v1/applications/${n.number}/status?phoneLast4=${n.last4}`), { connections: CONNECTIONS, seconds: SECONDS });
  recordHttp('status query', status, baseline);
  const apps = mongoose.connection.db!.collection('applications');
  const raw = await loopLoad((i) => apps.findOne({ number: numbers[i % numbers.length].number }), { concurrency: CONNECTIONS, seconds: SECONDS });
  record('raw driver findOne application by number ops/s', raw, 'ops/s');
  record('status query vs raw driver', status.rps, 'req/s', raw);
  // The gateway's concurrent queries share reads (gateway/db/shared-reads.ts); the driver doing the
  // same shows what the rest of a request (HTTP, checks, answer) costs on top.
  const shared = sharedReads<{ number: string }>({ fetch: (keys) => apps.find({ number: { $in: keys } }).toArray() as never, keyOf: (a) => a.number });
  const rawShared = await loopLoad((i) => shared(numbers[i % numbers.length].number), { concurrency: CONNECTIONS, seconds: SECONDS });
  record('raw driver, reads shared as in the gateway, ops/s', rawShared, 'ops/s');
  record('status query vs raw driver with shared reads', status.rps, 'req/s', rawShared);
}
