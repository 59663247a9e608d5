/** Per-number caps, quiet hours, delivery receipts, TD replies, and a worker killed mid-send. */
import { drainQueue } from '../../../gateway/notifications/delivery';
import { enqueueMessage } from '../../../gateway/notifications/queue';
import { quietUntil } from '../../../gateway/notifications/schedule';
import { takeWithinLimit } from '../../../gateway/limits/rate-limit';
import { lookupHash } from '../../../gateway/privacy/crypto';
import { MessageModel } from '../../../models/message';
import { RateLimitModel } from '../../../models/rate-limit';
import { SmsOptOutModel } from '../../../models/sms-opt-out';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { spawnScript } from '../../support/processes';
import { deliverQueuedSms, startSmsFake } from '../../support/sms';

let gw: TestGateway;
let fake: FakeAliyun;
let smsEnv: Record<string, string>;
const SECRET = 'callback-secret-0123456789';

/** The start of the current calendar day in UTC+8, as the cap counters name their window. */
const windowStartUtc8 = (now: number) => Math.floor((now + 8 * 3600_000) / 86400_000) * 86400_000 - 8 * 3600_000;

function chinaClock(offsetMinutes: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + offsetMinutes * 60_000);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  smsEnv = sms.env;
  gw = await startTestGateway({
    label: 'smsrules',
    env: { ...sms.env, SMS_DAILY_CAP_PER_NUMBER: '2', SMS_CALLBACK_SECRET: SECRET, SMS_QUIET_HOURS: `${chinaClock(-60)}-${chinaClock(60)}` },
  });
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  await MessageModel.deleteMany({});
});

describe('quiet hours', () => {
  it('computes the end of quiet hours in UTC+8, across midnight', () => {
    const at = (iso: string) => new Date(iso);
    const quiet = { start: '21:00', end: '08:00' };
    expect(quietUntil(at('2026-11-26T14:30:00Z'), quiet)?.toISOString()).toBe('2026-11-27T00:00:00.000Z'); // 22:30 local
    expect(quietUntil(at('2026-11-26T23:00:00Z'), quiet)?.toISOString()).toBe('2026-11-27T00:00:00.000Z'); // 07:00 local
    expect(quietUntil(at('2026-11-26T04:00:00Z'), quiet)).toBeUndefined(); // 12:00 local
  });

  it('defers a policy notice to the end of quiet hours but sends a result at once', async () => {
    await enqueueMessage({ kind: 'policy_notice', phone: '13800138000', params: { title: '停水通知', summary: '明日9时至12时停水' }, dedupeKey: 'notice-q' });
    await enqueueMessage({ kind: 'application_ready', phone: '13800138000', params: { number: 'ZG1', item: '残疾人证', pickup: '旗政务服务中心社会事业窗口' }, dedupeKey: 'ready-q' });
    await drainQueue('w1');
    expect(fake.sent.map((m) => m.templateCode)).toEqual(['OW_APPLICATION_READY']);
    const notice = (await MessageModel.findOne({ kind: 'policy_notice' }).lean())!;
    expect(notice).toMatchObject({ status: 'queued', deferredReason: 'quiet_hours' });
    expect(notice.dueAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});

describe('per-number daily cap', () => {
  it('defers the message over the cap instead of dropping it', async () => {
    for (let i = 0; i < 3; i++) {
      await enqueueMessage({ kind: 'complaint_replied', phone: '13700000001', params: { trackingNumber: `TS${i}`, type: '投诉' }, dedupeKey: `cap-${i}` });
    }
    await deliverQueuedSms();
    expect(fake.sent).toHaveLength(2);
    const deferred = (await MessageModel.findOne({ status: 'queued' }).lean())!;
    expect(deferred.deferredReason).toBe('daily_cap');
    // Deferred to the next calendar day in UTC+8 (16:00 UTC), as Aliyun counts its daily limit.
    expect(deferred.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect(deferred.dueAt.getUTCHours()).toBe(16);
    expect(deferred.dueAt.getUTCMinutes()).toBe(0);
  });

  it('never lets two racing workers send past the cap', async () => {
    for (let i = 0; i < 6; i++) {
      await enqueueMessage({ kind: 'complaint_replied', phone: '13700000002', params: { trackingNumber: `TR${i}`, type: '投诉' }, dedupeKey: `cap-race-${i}` });
    }
    await Promise.all([deliverQueuedSms('worker-a'), deliverQueuedSms('worker-b')]);
    expect(fake.sent).toHaveLength(2);
    expect(fake.sent.map((m) => m.params.trackingNumber)).toEqual(['TR0', 'TR1']);
    expect(await MessageModel.countDocuments({ status: 'queued', deferredReason: 'daily_cap' })).toBe(4);
  });

  it('takes cap units atomically: concurrent takers never get more than the limit between them', async () => {
    const key = `cap-unit-test:${Date.now()}`;
    const limit = { limit: 5, windowSeconds: 86400 };
    const takes = await Promise.all(Array.from({ length: 4 }, () => takeWithinLimit([key, key, key], limit)));
    expect(takes.flat().filter((t) => t.allowed)).toHaveLength(5);
    // A full window refuses without counting the refusal; another key is not affected.
    expect((await takeWithinLimit([key, `${key}:other`], limit)).map((t) => t.allowed)).toEqual([false, true]);
    expect(await RateLimitModel.findById(`${key}|86400|${windowStartUtc8(Date.now())}`).lean()).toMatchObject({ count: 5 });
  });
});

describe('receipts and replies', () => {
  it('marks a message delivered from an SmsReport push and answers as Aliyun expects', async () => {
    await enqueueMessage({ kind: 'application_approved', phone: '13800138000', params: { number: 'ZG9', item: '出生登记' }, dedupeKey: 'r1' });
    await drainQueue('w1');
    const receipt = fake.receiptFor(fake.deliver(fake.sent[0].bizId, true));
    const res = await gw.request('POST', `/api/v1/notifications/aliyun/sms-report?token=${SECRET}`, { body: [receipt] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ code: 0, msg: '成功' });
    expect((await MessageModel.findOne().lean())!.status).toBe('delivered');
    // Aliyun retries pushes: the same receipt again changes nothing.
    expect((await gw.request('POST', `/api/v1/notifications/aliyun/sms-report?token=${SECRET}`, { body: [receipt] })).status).toBe(200);
  });

  it('records a failed receipt as a permanent failure', async () => {
    await enqueueMessage({ kind: 'application_approved', phone: '13800138000', params: { number: 'ZG10', item: '出生登记' }, dedupeKey: 'r2' });
    await drainQueue('w1');
    const receipt = fake.receiptFor(fake.deliver(fake.sent[0].bizId, false, 'MK:0001'));
    await gw.request('POST', `/api/v1/notifications/aliyun/sms-report?token=${SECRET}`, { body: [receipt] });
    expect(await MessageModel.findOne().lean()).toMatchObject({ status: 'failed', failure: 'permanent', providerCode: 'MK:0001' });
  });

  it('refuses pushes without the secret', async () => {
    const res = await gw.request('POST', '/api/v1/notifications/aliyun/sms-report?token=wrong', { body: [] });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('sms.callback_unauthorized');
  });

  it('opts a number out of policy notices when it replies TD or 退订', async () => {
    const res = await gw.request('POST', `/api/v1/notifications/aliyun/sms-up?token=${SECRET}`, {
      body: [
        { phone_number: '13800138000', content: 'TD', send_time: '2026-11-26 10:00:00' },
        { phone_number: '13900000000', content: '退订', send_time: '2026-11-26 10:00:00' },
        { phone_number: '13600000000', content: '谢谢', send_time: '2026-11-26 10:00:00' },
      ],
    });
    expect(res.body).toEqual({ code: 0, msg: '成功' });
    expect(await SmsOptOutModel.exists({ phoneHash: lookupHash('phone', '13800138000') })).toBeTruthy();
    expect(await SmsOptOutModel.exists({ phoneHash: lookupHash('phone', '13900000000') })).toBeTruthy();
    expect(await SmsOptOutModel.exists({ phoneHash: lookupHash('phone', '13600000000') })).toBeNull();
  });
});

describe('a worker killed mid-send', () => {
  it('leaves the message to be recovered by another worker, which looks it up and does not send it twice', async () => {
    fake.failNext('timeout-after-send');
    await enqueueMessage({ kind: 'application_accepted', phone: '13500000001', params: { number: 'ZG77', item: '个体工商户登记', promisedDate: '2026-12-03' }, dedupeKey: 'crash-1' });
    const worker = spawnScript('scripts/worker.ts', { ...smsEnv, MONGODB_URI: gw.mongoUri, SMS_LEASE_SECONDS: '2', SMS_TIMEOUT_MS: '60000', LOG_LEVEL: 'silent' });
    try {
      await worker.waitFor(/running/);
      const deadline = Date.now() + 30_000;
      while (fake.sent.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(fake.sent).toHaveLength(1); // Aliyun has it; the worker is still waiting for the answer
      expect((await MessageModel.findOne().lean())!.status).toBe('sending');
    } finally {
      await worker.stop('SIGKILL');
    }
    await new Promise((r) => setTimeout(r, 2500)); // the dead worker's lease expires
    await drainQueue('survivor');
    const m = (await MessageModel.findOne().lean())!;
    expect(m.status).toBe('sent');
    expect(m.attempts.map((a) => a.outcome)).toEqual(['lookup_found']);
    expect(fake.sent).toHaveLength(1);
    expect(fake.requests.SendSms).toBe(1);
  });
});
