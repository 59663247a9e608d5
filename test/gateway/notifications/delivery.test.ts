/**
 * Delivery through the real SDK against the fake Aliyun: each failure handled as described, nothing
 * lost or doubled (dedupe keys, timeouts looked up before any retry, two workers at once).
 */
import { claimNextMessage, deliverClaimed, drainQueue } from '../../../gateway/notifications/delivery';
import { enqueueMessage } from '../../../gateway/notifications/queue';
import { MessageModel } from '../../../models/message';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { startSmsFake } from '../../support/sms';

let gw: TestGateway;
let fake: FakeAliyun;
let seq = 0;

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'delivery', env: { ...sms.env, SMS_MAX_TRIES: '3' } });
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  await MessageModel.deleteMany({});
});

const approved = (phone = '13800138000', key = `k${++seq}`) =>
  enqueueMessage({ kind: 'application_approved', phone, params: { number: 'ZG2026000123', item: '食品经营许可' }, dedupeKey: key });

/** Lets due retries come due and drains again, a few rounds (backoff in tests is ~50-200 ms). */
async function drainUntilSettled(rounds = 10) {
  for (let i = 0; i < rounds; i++) {
    await drainQueue('w1');
    if ((await MessageModel.countDocuments({ status: { $in: ['queued', 'sending'] } })) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const only = async () => (await MessageModel.findOne().lean())!;

it('sends a queued message once with the template code, variables and our id as OutId', async () => {
  const { id } = await approved();
  expect(await drainQueue('w1')).toBe(1);
  expect(fake.sent).toHaveLength(1);
  expect(fake.sent[0]).toMatchObject({ phone: '13800138000', templateCode: 'OW_APPLICATION_APPROVED', params: { number: 'ZG2026000123', item: '食品经营许可' }, outId: id, signName: '一窗通办' });
  const m = await only();
  expect(m).toMatchObject({ status: 'sent', providerMessageId: fake.sent[0].bizId, tries: 1, uncertain: false });
  expect(m.preview).toContain('食品经营许可');
  expect(JSON.stringify(m)).not.toContain('13800138000');
});

it('never sends the same cause twice', async () => {
  const a = await approved('13800138000', 'same-cause');
  const b = await approved('13800138000', 'same-cause');
  expect(b).toEqual({ id: a.id, duplicate: true });
  await drainQueue('w1');
  await drainQueue('w1');
  expect(fake.sent).toHaveLength(1);
});

it('does not retry a permanent failure (invalid number)', async () => {
  fake.failNext('MOBILE_NUMBER_ILLEGAL');
  await approved();
  await drainUntilSettled();
  expect(await only()).toMatchObject({ status: 'failed', failure: 'permanent', providerCode: 'isv.MOBILE_NUMBER_ILLEGAL', tries: 1 });
  expect(fake.requests.SendSms).toBe(1);
});

it.each(['BUSINESS_LIMIT_CONTROL', 'Throttling.User', '5xx', 'reset', 'html'] as const)('retries after %s and then sends once', async (mode) => {
  fake.failNext(mode);
  await approved();
  await drainUntilSettled();
  const m = await only();
  expect(m.status).toBe('sent');
  expect(m.tries).toBe(2);
  expect(fake.sent).toHaveLength(1);
});

it('looks up a send that timed out after reaching Aliyun instead of sending it again', async () => {
  fake.failNext('timeout-after-send');
  await approved();
  await drainQueue('w1');
  expect(await only()).toMatchObject({ status: 'queued', uncertain: true });
  await drainUntilSettled();
  const m = await only();
  expect(m.status).toBe('sent');
  expect(m.attempts.map((a) => a.outcome)).toEqual(['unknown', 'lookup_found']);
  expect(fake.sent).toHaveLength(1);
  expect(fake.requests.SendSms).toBe(1);
  expect(fake.requests.QuerySendDetails).toBeGreaterThanOrEqual(1);
});

it('sends again after a timeout when the lookup shows it never arrived', async () => {
  fake.failNext('timeout');
  await approved();
  await drainUntilSettled();
  const m = await only();
  expect(m.status).toBe('sent');
  expect(m.attempts.map((a) => a.outcome)).toEqual(['unknown', 'accepted']);
  expect(fake.sent).toHaveLength(1);
});

it('gives up on temporary failures after the configured tries', async () => {
  fake.failNext('Throttling.User', 5);
  await approved();
  await drainUntilSettled();
  expect(await only()).toMatchObject({ status: 'failed', failure: 'temporary', tries: 3 });
  expect(fake.sent).toHaveLength(0);
});

it('sends urgent messages (login codes) before notices', async () => {
  await enqueueMessage({ kind: 'policy_notice', phone: '13800138001', params: { title: '春耕补贴', summary: '请于本月底前申报' }, dedupeKey: 'n1' });
  await enqueueMessage({ kind: 'login_code', phone: '13800138002', params: { code: '123456' }, dedupeKey: 'c1' });
  const first = await claimNextMessage('w1');
  expect(first?.kind).toBe('login_code');
  await deliverClaimed(first!, 'w1');
  await drainQueue('w1');
  expect(fake.sent.map((m) => m.phone)).toEqual(['13800138002', '13800138001']);
  const code = await MessageModel.findOne({ kind: 'login_code' }).lean();
  expect(code!.preview).toContain('******');
  expect(code!.preview).not.toContain('123456');
});

it('lets two workers drain one queue with every message sent exactly once', async () => {
  const phones = Array.from({ length: 60 }, (_, i) => `1390000${String(i).padStart(4, '0')}`);
  await Promise.all(phones.map((p) => approved(p)));
  // Neither may take more than 40, so both take part whoever wins the first claims.
  const [a, b] = await Promise.all([drainQueue('worker-a', { concurrency: 4, limit: 40 }), drainQueue('worker-b', { concurrency: 4, limit: 40 })]);
  expect(a + b).toBe(60);
  expect(a).toBeGreaterThan(0);
  expect(b).toBeGreaterThan(0);
  expect(fake.sent).toHaveLength(60);
  expect(new Set(fake.sent.map((m) => m.outId)).size).toBe(60);
  expect(await MessageModel.countDocuments({ status: 'sent' })).toBe(60);
});
