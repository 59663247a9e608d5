/**
 * `npm run bench`: performance figures, each beside a baseline measured in the same run on the same
 * machine (these machines are shared and noisy; absolute numbers mean little, ratios travel).
 * Writes bench-results.json ([{name, value, unit, baseline, ratio}]) and prints a table.
 * BENCHMARKS.md explains the method and keeps the latest figures.
 */
import { writeFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { loadConfig, useConfig } from '../config/server';
import { connectDatabase } from '../gateway/db/connection';
import { toSearchable } from '../gateway/guides/catalogue';
import { evaluateQueries, GuideSearchIndex } from '../gateway/guides/search';
import { benchmarkSearch } from '../gateway/guides/search/measure';
import { drainQueue } from '../gateway/notifications/delivery';
import { createAliyunProvider } from '../gateway/notifications/providers/aliyun';
import { useSmsProvider } from '../gateway/notifications/providers';
import { enqueueMessage } from '../gateway/notifications/queue';
import { createLogger, useLogger } from '../gateway/logger';
import { demoGuides } from '../gateway/seed/guides';
import { MessageModel } from '../models/message';
import { startFakeAliyun } from '../test/support/fake-aliyun';
import queries from '../test/fixtures/guide-queries.json';
import { batchRate, httpLoad, loopLoad } from './bench/load';
import { startChild } from './bench/servers';
import { startEmbeddedMongo } from './mongod/embedded';

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
}

const results: Figure[] = [];
const record = (name: string, value: number, unit: string, baseline: number | null = null) => {
  const ratio = baseline ? value / baseline : null;
  results.push({ name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000 });
  console.log(`  ${name.padEnd(52)} ${String(round(value)).padStart(10)} ${unit.padEnd(8)}${baseline ? `  baseline ${round(baseline)}  ratio ${ratio!.toFixed(3)}` : ''}`);
};
const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function searchQuality() {
  console.log('\nGuide search quality and cost (in-process)');
  const guides = demoGuides.map((g) => toSearchable(g as never));
  const index = GuideSearchIndex.build(guides);
  const quality = evaluateQueries(index, queries as never);
  record('search top-1 accuracy', quality.top1, 'ratio');
  record('search top-3 accuracy', quality.top3, 'ratio');
  const small = benchmarkSearch(guides, queries as never, { totalQueries: 20_000 });
  const large = benchmarkSearch(guides, queries as never, { size: 1000, totalQueries: 20_000 });
  record(`search µs/query (${small.guides} guides)`, small.searchUsPerQuery, 'µs');
  record(`search µs/query (${large.guides} guides)`, large.searchUsPerQuery, 'µs', small.searchUsPerQuery);
  record('search index build (1,000 guides)', large.buildMs, 'ms');
}

async function main() {
  const mongo = await startEmbeddedMongo();
  const env = {
    NODE_ENV: 'test',
    MONGODB_URI: mongo.uri.replace('/onewindow?', '/bench?'),
    LOG_LEVEL: 'warn',
    TOKEN_SECRET: Buffer.alloc(32, 3).toString('base64'),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64'),
    STATUS_QUERY_LIMIT_PER_MINUTE: '100000000',
    STATUS_QUERY_LIMIT_PER_HOUR: '100000000',
  };
  Object.assign(process.env, env);
  const cfg = useConfig(loadConfig());
  useLogger(createLogger('warn'));
  const gateway = await startChild('scripts/bench/gateway-server.ts', env);
  const bare = await startChild('scripts/bench/bare-koa.ts', {});
  await connectDatabase(env.MONGODB_URI);
  try {
    await searchQuality();

    console.log(`\nHTTP at ${CONNECTIONS} connections, ${SECONDS} s each (gateway and baseline in their own processes)`);
    const idleRss = gateway.rssMb();
    const baseline = await httpLoad(bare.url, ['/'], { connections: CONNECTIONS, seconds: SECONDS });
    record('bare Koa requests/s', baseline.rps, 'req/s');
    record('bare Koa p99 latency', baseline.p99, 'ms');

    const searchPaths = (queries as Array<{ q: string }>).slice(0, 60).map((q) => `/api/v1/guides?q=${encodeURIComponent(q.q)}&pageSize=10`);
    let peakRss = 0;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, gateway.rssMb())), 250);
    const search = await httpLoad(gateway.url, searchPaths, { connections: CONNECTIONS, seconds: SECONDS });
    clearInterval(sampler);
    record('guide search requests/s', search.rps, 'req/s', baseline.rps);
    record('guide search p50 latency', search.p50, 'ms');
    record('guide search p99 latency', search.p99, 'ms');
    record('guide search non-2xx + errors', search.non2xx + search.errors, 'count');

    const detailPaths = demoGuides.slice(0, 40).map((g) => `/api/v1/guides/${encodeURIComponent(g.code)}`);
    const detail = await httpLoad(gateway.url, detailPaths, { connections: CONNECTIONS, seconds: SECONDS });
    record('guide detail requests/s', detail.rps, 'req/s', baseline.rps);
    record('guide detail p99 latency', detail.p99, 'ms');

    // Applications to query: registered by the demo clerk through the API.
    const login = await (await fetch(`${gateway.url}/api/v1/auth/staff-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'clerk', password: 'Demo@2026' }) })).json();
    const food = demoGuides.find((g) => g.name === '食品经营许可')!;
    const numbers: Array<{ number: string; last4: string }> = [];
    for (let i = 0; i < 20; i++) {
      const phone = `1380013${String(i).padStart(4, '0')}`;
      const res = await (await fetch(`${gateway.url}/api/v1/staff/applications`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: JSON.stringify({ guideCode: food.code, applicant: { name: '测试', phone } }) })).json();
      numbers.push({ number: res.number, last4: phone.slice(-4) });
    }
    const status = await httpLoad(gateway.url, numbers.map((n) => `/api/v1/applications/${n.number}/status?phoneLast4=${n.last4}`), { connections: CONNECTIONS, seconds: SECONDS });
    record('status query requests/s', status.rps, 'req/s', baseline.rps);
    record('status query p99 latency', status.p99, 'ms');
    record('status query non-2xx + errors', status.non2xx + status.errors, 'count');
    record('gateway RSS idle', idleRss, 'MB');
    record('gateway RSS under search load (peak)', peakRss, 'MB', idleRss);

    console.log('\nDatabase-bound paths against the raw driver (same server, same operation)');
    const apps = mongoose.connection.db!.collection('applications');
    const raw = await loopLoad((i) => apps.findOne({ number: numbers[i % numbers.length].number }), { concurrency: CONNECTIONS, seconds: SECONDS });
    record('raw driver findOne by number ops/s', raw, 'ops/s');
    record('status query vs raw driver', status.rps, 'req/s', raw);
    const guidesCol = mongoose.connection.db!.collection('guides');
    const rawGuide = await loopLoad((i) => guidesCol.findOne({ code: demoGuides[i % 40].code }), { concurrency: CONNECTIONS, seconds: SECONDS });
    record('guide detail vs raw driver findOne', detail.rps, 'req/s', rawGuide);

    console.log('\nSMS dispatch against the loopback Aliyun fake (signature-checking), 8 at a time');
    const fake = await startFakeAliyun();
    const provider = createAliyunProvider({ endpoint: fake.endpoint, protocol: 'http', accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret, timeoutMs: 5000 });
    useSmsProvider(provider);
    Object.assign(cfg.sms, { quietHours: undefined, dailyCapPerNumber: 1_000_000 });
    const N = Number(process.env.BENCH_SMS ?? 400);
    const sdk = await batchRate(N, (i) => provider.send({ phone: `1390000${String(i % 10000).padStart(4, '0')}`, templateCode: 'OW_APPLICATION_APPROVED', params: { number: `BJ${i}`, item: '食品经营许可' }, outId: `raw-${i}`, signName: '一窗通办', text: '' }), 8);
    record('raw SDK SendSms calls/s', sdk, 'msg/s');
    await MessageModel.deleteMany({});
    for (let i = 0; i < N; i++) {
      await enqueueMessage({ kind: 'application_approved', phone: `1370000${String(i % 10000).padStart(4, '0')}`, params: { number: `BJ${i}`, item: '食品经营许可' }, dedupeKey: `bench:${i}` });
    }
    const t0 = process.hrtime.bigint();
    let sent = 0;
    while (sent < N) {
      const handled = await drainQueue('bench', { concurrency: 8, limit: N });
      if (!handled) break;
      sent = await MessageModel.countDocuments({ status: 'sent' });
    }
    const dispatch = sent / (Number(process.hrtime.bigint() - t0) / 1e9);
    record('queued SMS dispatched/s (worker)', dispatch, 'msg/s', sdk);
    record('SMS sent exactly once', fake.sent.filter((m) => m.outId && !m.outId.startsWith('raw-')).length === N ? 1 : 0, 'bool');
    await fake.close();
  } finally {
    await gateway.stop();
    await bare.stop();
    await mongoose.disconnect();
    await mongo.stop();
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench-results.json');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
