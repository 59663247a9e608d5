/** The real SMS path for tests: the Aliyun provider (real SDK) against the signature-checking fake. */
import { drainQueue } from '../../gateway/notifications/delivery';
import { MessageModel } from '../../models/message';
import { startFakeAliyun, type FakeAliyun } from './fake-aliyun';

export async function startSmsFake(): Promise<{ fake: FakeAliyun; env: Record<string, string> }> {
  const fake = await startFakeAliyun();
  return {
    fake,
    env: {
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ENDPOINT: fake.endpoint,
      ALIYUN_SMS_PROTOCOL: 'http',
      ALIYUN_ACCESS_KEY_ID: fake.accessKeyId,
      ALIYUN_ACCESS_KEY_SECRET: fake.accessKeySecret,
      ALIYUN_SMS_SIGN_NAME: '一窗通办',
      SMS_TIMEOUT_MS: '1000',
      SMS_RETRY_BASE_SECONDS: '0.05',
      SMS_QUIET_HOURS: '',
    },
  };
}

/**
 * Runs the delivery worker until nothing is due within the next few seconds (what the background
 * worker does continuously); messages deferred for quiet hours or caps stay queued.
 */
export async function deliverQueuedSms(workerId = 'test-worker'): Promise<number> {
  let handled = 0;
  for (let round = 0; round < 40; round++) {
    handled += await drainQueue(workerId);
    const soon = await MessageModel.exists({ status: { $in: ['queued', 'sending'] }, dueAt: { $lte: new Date(Date.now() + 3000) } });
    if (!soon) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  return handled;
}

/** The newest login code the fake received for a phone. */
export function lastCodeSentTo(fake: FakeAliyun, phone: string): string {
  const msg = [...fake.sent].reverse().find((m) => m.phone === phone && m.params.code);
  if (!msg) throw new Error(`no code was sent to ${phone}`);
  return msg.params.code;
}
