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

export async function benchSms(): Promise<void> {
  console.log('\nSMS dispatch against the loopback Aliyun fake (signature-checking), 8 at a time');
  const fake = await startFakeAliyun();
  try {
    const provider = createAliyunProvider({ endpoint: fake.endpoint, protocol: 'http', accessKeyId: fake.accessKeyId, accessKeySecret: fake.accessKeySecret, timeoutMs: 5000 });
    useSmsProvider(provider);
    Object.assign(config().sms, { quietHours: undefined, dailyCapPerNumber: 1_000_000 });
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
    const delivered = fake.sent.filter((m) => m.outId && !m.outId.startsWith('raw-'));
    const once = delivered.length === N && new Set(delivered.map((m) => m.outId)).size === N && sent === N;
    record('SMS sent exactly once', once ? 1 : 0, 'bool');
    if (!once) await explainShortfall(delivered.length);
  } finally {
    await fake.close();
  }
}
