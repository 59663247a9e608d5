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

export async function benchSms(): Promise<void> {
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
    const rounds: Array<{ sdk: number; dispatch: number }> = [];
    let once = true;
    for (let round = 0; round < ROUNDS; round++) {
      const sdk = await batchRate(N, (i) => rawSend(i, `raw${round}`), 8);
      await enqueue(N, WARM_UP + round * N, `bench${round}`);
      const sentBefore = fake.sent.length;
      const t0 = process.hrtime.bigint();
      let sent = 0;
      while (sent < N) {
        const handled = await drainQueue('bench', { concurrency: 8, limit: N });
        if (!handled) break;
        sent = await MessageModel.countDocuments({ status: 'sent' });
      }
      const dispatch = sent / (Number(process.hrtime.bigint() - t0) / 1e9);
      const delivered = fake.sent.slice(sentBefore);
      const exactlyOnce = delivered.length === N && new Set(delivered.map((m) => m.outId)).size === N && sent === N;
      if (!exactlyOnce) await explainShortfall(delivered.length);
      once &&= exactlyOnce;
      console.log(`    round ${round + 1}: raw SDK ${Math.round(sdk)}/s, worker ${Math.round(dispatch)}/s, ratio ${(dispatch / sdk).toFixed(3)}`);
      rounds.push({ sdk, dispatch });
      await MessageModel.deleteMany({});
    }
    const median = [...rounds].sort((a, b) => a.dispatch / a.sdk - b.dispatch / b.sdk)[Math.floor(rounds.length / 2)];
    record('raw SDK SendSms calls/s (median round)', median.sdk, 'msg/s');
    record('queued SMS dispatched/s (worker, median round)', median.dispatch, 'msg/s', median.sdk);
    record('SMS sent exactly once (every round)', once ? 1 : 0, 'bool');
  } finally {
    await fake.close();
  }
}
