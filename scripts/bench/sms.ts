/**
 * SMS dispatch against the loopback Aliyun fake (which verifies every signature): raw SDK calls as
 * the baseline, then the same number of messages queued and delivered by the worker, timed from the
 * first claim until every outcome is written, with the same 8 calls in flight. "Sent exactly once":
 * the fake received each queued message once and every one is recorded as sent.
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
const WARM_UP = 200;

export async function benchSms(): Promise<void> {
  console.log('\nSMS dispatch against the loopback Aliyun fake (signature-checking), 8 at a time');
  const fake = await startFakeAliyun();
  try {
    const provider = createAliyunProvider({ endpoint: fake.endpoint, protocol: 'http', accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret, timeoutMs: 5000 });
    useSmsProvider(provider);
    Object.assign(config().sms, { quietHours: undefined, dailyCapPerNumber: 1_000_000 });
    const N = Number(process.env.BENCH_SMS ?? 2000);
    const rawSend = (i: number, prefix: string) =>
      provider.send({ phone: `1390000${String(i % 10000).padStart(4, '0')}`, templateCode: 'OW_APPLICATION_APPROVED', params: { number: `BJ${i}`, item: '食品经营许可' }, outId: `${prefix}-${i}`, signName: '一窗通办', text: '' });
    const enqueue = async (n: number, prefix: string) => {
      for (let i = 0; i < n; i++) {
        await enqueueMessage({ kind: 'application_approved', phone: `1370000${String(i % 10000).padStart(4, '0')}`, params: { number: `BJ${i}`, item: '食品经营许可' }, dedupeKey: `${prefix}:${i}` });
      }
    };
    // Both paths warm (compiled, connections open) before either is timed.
    await batchRate(WARM_UP, (i) => rawSend(i, 'warm'), 8);
    await enqueue(WARM_UP, 'warm');
    await drainQueue('bench', { concurrency: 8, limit: WARM_UP });
    await MessageModel.deleteMany({});
    const sdk = await batchRate(N, (i) => rawSend(i, 'raw'), 8);
    record('raw SDK SendSms calls/s', sdk, 'msg/s');
    await enqueue(N, 'bench');
    const sentBefore = fake.sent.length;
    const t0 = process.hrtime.bigint();
    let sent = 0;
    while (sent < N) {
      const handled = await drainQueue('bench', { concurrency: 8, limit: N });
      if (!handled) break;
      sent = await MessageModel.countDocuments({ status: 'sent' });
    }
    const dispatch = sent / (Number(process.hrtime.bigint() - t0) / 1e9);
    record('queued SMS dispatched/s (worker)', dispatch, 'msg/s', sdk);
    const delivered = fake.sent.slice(sentBefore);
    const once = delivered.length === N && new Set(delivered.map((m) => m.outId)).size === N && sent === N;
    record('SMS sent exactly once', once ? 1 : 0, 'bool');
    if (!once) await explainShortfall(delivered.length);
  } finally {
    await fake.close();
  }
}
