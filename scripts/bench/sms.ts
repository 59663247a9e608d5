/**
 * SMS dispatch against the loopback Aliyun fake (which verifies every signature): raw SDK calls as
 * the baseline, then the same number of messages queued and delivered by the worker, timed from the
 * first claim until every outcome is written, with the same 8 calls in flight, in several rounds.
 * "Sent exactly once": in every round the fake received each queued message once and every one is
 * recorded as sent.
 */
import { config } from '../../config/server';
import { drainQueue } from '../../gateway/notifications/delivery';
import { createAliyunProvider } from '../../gateway/notifications/providers/aliyun';
import { useSmsProvider } from '../../gateway/notifications/providers';
import { enqueueMessage } from '../../gateway/notifications/queue';
import { MessageModel } from '../../models/message';
import { startFakeAliyun } from '../../test/support/fake-aliyun';
import { countCpu, type CpuUse } from './cpu';
import { record } from './figures';
import { batchRate } from './load';

/** When the worker did not send every message exactly once, what became of them (a noisy machine can time sends out). */
async function explainShortfall(received: number): Promise<void> {
  const byStatus = await MessageModel.aggregate<{ _id: string; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }]);
  const attempts = await MessageModel.aggregate<{ _id: string; n: number }>([{ $unwind: '$attempts' }, { $group: { _id: { $concat: ['$attempts.outcome', ' ', { $ifNull: ['$attempts.code', ''] }] }, n: { $sum: 1 } } }]);
  console.log(`    the fake received ${received}; messages by status: ${byStatus.map((s) => `${s._id} ${s.n}`).join(', ')}; attempts: ${attempts.map((a) => `${a._id} ${a.n}`).join(', ')}`);
}

/** Messages sent through each path before timing starts. */
const WARM_UP = 1000;

/**
 * Raw SDK calls, then the same number of queued messages through the worker, `ROUNDS` times in
 * turn; the round with the median ratio is reported (each phase lasts a second or two, and on a
 * shared machine one phase can land on a busy moment). Every round uses numbers of its own, as a
 * day's messages mostly go to different people (a number's daily-cap counter is new).
 */
const ROUNDS = Number(process.env.BENCH_SMS_ROUNDS ?? 5);

/** The provider round trip for the last round (`BENCH_SMS_LATENCY_MS`), and its message count. */
const LATENCY_MS = Number(process.env.BENCH_SMS_LATENCY_MS ?? 50);
const LATENCY_N = 400;

/** CPU per message of one phase, in µs: `main+others[+database]`, for the round's line. */
function cpuText(use: CpuUse, n: number): string {
  const per = (us: number) => Math.round(us / n);
  return ` ${per(use.mainUs)}+${per(use.otherThreadsUs)}${use.databaseUs === undefined ? '' : `+${per(use.databaseUs)}`}`;
}

const cpuTotal = (use: CpuUse) => use.mainUs + use.otherThreadsUs + (use.databaseUs ?? 0);

/**
 * `databasePids`: the MongoDB processes, whose CPU the worker's phase counts with its own (the raw
 * calls use no database). Each round's line shows CPU per message as main thread + the process's
 * other threads + MongoDB, in µs (Linux only).
 */
export async function benchSms(databasePids: number[] = []): Promise<void> {
  console.log('\nSMS dispatch against the loopback Aliyun fake (signature-checking), 8 at a time');
  const fake = await startFakeAliyun();
  try {
    const provider = createAliyunProvider({ endpoint: fake.endpoint, protocol: 'http', accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret, timeoutMs: 5000 });
    useSmsProvider(provider);
    Object.assign(config().sms, { quietHours: undefined, dailyCapPerNumber: 1_000_000 });
    const N = Number(process.env.BENCH_SMS ?? 2000);
    const phone = (prefix: string, i: number) => `${prefix}${String(i % 10000).padStart(4, '0')}`;
    const rawSend = (i: number, prefix: string) =>
      provider.send({ phone: phone('1390000', i), templateCode: 'OW_APPLICATION_APPROVED', params: { number: `BJ${i}`, item: '食品经营许可' }, outId: `${prefix}-${i}`, signName: '一窗通办', text: '' });
    const enqueue = (n: number, first: number, prefix: string) =>
      batchRate(n, (i) => enqueueMessage({ kind: 'application_approved', phone: phone('1370000', first + i), params: { number: `BJ${i}`, item: '食品经营许可' }, dedupeKey: `${prefix}:${i}` }), 8);
    // Both paths warm (compiled, connections open) before either is timed.
    await batchRate(WARM_UP, (i) => rawSend(i, 'warm'), 8);
    await enqueue(WARM_UP, 0, 'warm');
    await drainQueue('bench', { concurrency: 8, limit: WARM_UP });
    await MessageModel.deleteMany({});
    let first = WARM_UP;
    /** Raw SDK calls, then as many queued messages through the worker (numbers of their own); checks each went out once. */
    const round = async (label: string, n: number) => {
      const rawCpu = countCpu();
      const sdk = await batchRate(n, (i) => rawSend(i, `raw-${label}`), 8);
      const rawUse = rawCpu.stop();
      await enqueue(n, first, label);
      first += n;
      const sentBefore = fake.sent.length;
      const workerCpu = countCpu(databasePids);
      const t0 = process.hrtime.bigint();
      let sent = 0;
      while (sent < n) {
        const handled = await drainQueue('bench', { concurrency: 8, limit: n });
        if (!handled) break;
        sent = await MessageModel.countDocuments({ status: 'sent' });
      }
      const dispatch = sent / (Number(process.hrtime.bigint() - t0) / 1e9);
      const workerUse = workerCpu.stop();
      const delivered = fake.sent.slice(sentBefore);
      const once = delivered.length === n && new Set(delivered.map((m) => m.outId)).size === n && sent === n;
      if (!once) await explainShortfall(delivered.length);
      await MessageModel.deleteMany({});
      const cpu = rawUse && workerUse ? `; CPU µs/message: raw${cpuText(rawUse, n)}, worker${cpuText(workerUse, n)}` : '';
      console.log(`    ${label}: raw SDK ${Math.round(sdk)}/s, worker ${Math.round(dispatch)}/s, ratio ${(dispatch / sdk).toFixed(3)}${cpu}`);
      return { sdk, dispatch, once, n, rawUse, workerUse };
    };
    const rounds = [];
    for (let r = 1; r <= ROUNDS; r++) rounds.push(await round(`round ${r}`, N));
    const median = [...rounds].sort((x, y) => x.dispatch / x.sdk - y.dispatch / y.sdk)[Math.floor(rounds.length / 2)];
    record('raw SDK SendSms calls/s (median round)', median.sdk, 'msg/s');
    record('queued SMS dispatched/s (worker, median round)', median.dispatch, 'msg/s', median.sdk);
    if (median.rawUse && median.workerUse) {
      // What the rates above are a contest of: CPU per message, every process of each path counted.
      record('CPU µs per raw SDK call (median round)', cpuTotal(median.rawUse) / median.n, 'µs');
      record('CPU µs per queued message, MongoDB included', cpuTotal(median.workerUse) / median.n, 'µs', cpuTotal(median.rawUse) / median.n);
      record('main-thread CPU µs per queued message', median.workerUse.mainUs / median.n, 'µs', median.rawUse.mainUs / median.n);
    }
    // The loopback fake answers at once, which makes the figures above a contest of CPU per message.
    // Aliyun answers over the internet: with its round trip, what limits both paths is the wait.
    fake.latencyMs = LATENCY_MS;
    const distant = await round(`fake answering in ${LATENCY_MS} ms`, LATENCY_N);
    fake.latencyMs = 0;
    record(`raw SDK calls/s, fake answering in ${LATENCY_MS} ms`, distant.sdk, 'msg/s');
    record(`queued SMS dispatched/s, fake answering in ${LATENCY_MS} ms`, distant.dispatch, 'msg/s', distant.sdk);
    record('SMS sent exactly once (every round)', rounds.every((x) => x.once) && distant.once ? 1 : 0, 'bool');
  } finally {
    await fake.close();
  }
}
