/** The real SMS path for tests: the Aliyun provider (real SDK) against the signature-checking fake. */
import { drainQueue } from '../../gateway/notifications/delivery';
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

/** Runs the delivery worker until nothing is due (what the background worker does continuously). */
export function deliverQueuedSms(workerId = 'test-worker'): Promise<number> {
  return drainQueue(workerId);
}

/** The newest login code the fake received for a phone. */
export function lastCodeSentTo(fake: FakeAliyun, phone: string): string {
  const msg = [...fake.sent].reverse().find((m) => m.phone === phone && m.params.code);
  if (!msg) throw new Error(`no code was sent to ${phone}`);
  return msg.params.code;
}
