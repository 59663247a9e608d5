/**
 * Batched delivery: claims taken in priority order and atomically per message (two drains racing
 * over one queue send each message once), each number's messages in queue order inside a batch and
 * across workers, claims fenced so a worker that lost its lease cannot overwrite the new holder's
 * result, and claims given back untouched when too little of the lease is left to send under.
 */
import { claimNextMessage, deliverClaimed, drainQueue } from '../../../gateway/notifications/delivery';
import { deliverBatch } from '../../../gateway/notifications/delivery/batch';
import { claimBatch } from '../../../gateway/notifications/delivery/claim';
import { OutcomeRecorder } from '../../../gateway/notifications/delivery/recorder';
import { Slots } from '../../../gateway/notifications/delivery/slots';
import { smsProvider, useSmsProvider } from '../../../gateway/notifications/providers';
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
  gw = await startTestGateway({ label: 'batchdelivery', env: sms.env });
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  await MessageModel.deleteMany({});
});

const phoneOf = (i: number) => `1390000${String(i).padStart(4, '0')}`;

/** The three messages of one application, in the order they are queued (all priority 1). */
async function applicationStory(phone: string, dueAt?: (step: number) => Date) {
  const number = `ZG${++seq}`;
  await enqueueMessage({ kind: 'application_accepted', phone, params: { number, item: '食品经营许可', promisedDate: '2026-12-03' }, dedupeKey: `${number}:accepted`, dueAt: dueAt?.(0) });
  await enqueueMessage({ kind: 'application_supplement', phone, params: { number, item: '食品经营许可', missing: '营业执照' }, dedupeKey: `${number}:supplement`, dueAt: dueAt?.(1) });
  await enqueueMessage({ kind: 'application_ready', phone, params: { number, item: '食品经营许可', pickup: '一楼综合窗口' }, dedupeKey: `${number}:ready`, dueAt: dueAt?.(2) });
}
const STORY = ['OW_APPLICATION_ACCEPTED', 'OW_APPLICATION_SUPPLEMENT', 'OW_APPLICATION_READY'];

/** What each number received, in arrival order at the fake. */
function receivedByPhone(): Map<string, string[]> {
  const byPhone = new Map<string, string[]>();
  for (const m of fake.sent) byPhone.set(m.phone, [...(byPhone.get(m.phone) ?? []), m.templateCode]);
  return byPhone;
}

/** Drains with every worker at once, again while messages wait for earlier ones (ordering waits are 500 ms). */
async function raceUntilSettled(workers: Array<{ id: string; concurrency: number }>) {
  const handled = new Map(workers.map((w) => [w.id, 0]));
  for (let round = 0; round < 20; round++) {
    const counts = await Promise.all(workers.map((w) => drainQueue(w.id, { concurrency: w.concurrency })));
    counts.forEach((n, i) => handled.set(workers[i].id, handled.get(workers[i].id)! + n));
    if ((await MessageModel.countDocuments({ status: { $in: ['queued', 'sending'] } })) === 0) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  return handled;
}

it('claims a batch most urgent first: login codes, then results by due time, notices last', async () => {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  await enqueueMessage({ kind: 'policy_notice', phone: phoneOf(1), params: { title: '春耕补贴', summary: '请于本月底前申报' }, dedupeKey: 'notice', dueAt: minutesAgo(30) });
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(2), params: { number: 'ZG1', item: '出生登记' }, dedupeKey: 'later', dueAt: minutesAgo(1) });
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(3), params: { number: 'ZG2', item: '出生登记' }, dedupeKey: 'earlier', dueAt: minutesAgo(5) });
  await enqueueMessage({ kind: 'login_code', phone: phoneOf(4), params: { code: '123456' }, dedupeKey: 'code' });
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(5), params: { number: 'ZG3', item: '出生登记' }, dedupeKey: 'not-yet', dueAt: new Date(Date.now() + 60_000) });

  const { claimed } = await claimBatch('w1', 3);
  expect(claimed.map((m) => m.kind)).toEqual(['login_code', 'application_approved', 'application_approved']);
  const keys = await MessageModel.find({ _id: { $in: claimed.map((m) => m._id) } }, { dedupeKey: 1, status: 1, uncertain: 1, lease: 1, claims: 1 }).lean();
  expect(keys.map((k) => k.dedupeKey).sort()).toEqual(['code', 'earlier', 'later']);
  expect(claimed.map((m) => String(m._id))).toEqual(['code', 'earlier', 'later'].map((k) => String(keys.find((x) => x.dedupeKey === k)!._id)));
  // Claimed means marked uncertain at once, under this worker's lease; none was uncertain before.
  for (const k of keys) expect(k).toMatchObject({ status: 'sending', uncertain: true, claims: 1, lease: { owner: 'w1' } });
  expect(claimed.map((m) => m.lease.lookUpFirst)).toEqual([false, false, false]);
  // The rest: the notice is due and comes next; the message not yet due is not claimed at all.
  expect((await claimBatch('w1', 10)).claimed.map((m) => m.kind)).toEqual(['policy_notice']);
});

it('sends a login code claimed while earlier batches wait for their turn ahead of them', async () => {
  // The provider holds the first send until told, so the order of everything after it is known.
  const real = smsProvider();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let firstSendStarted!: () => void;
  const started = new Promise<void>((resolve) => (firstSendStarted = resolve));
  useSmsProvider({ id: real.id, lookup: (r) => real.lookup(r), send: async (r) => (firstSendStarted(), await held, real.send(r)) });
  const nextTurn = () => new Promise((r) => setImmediate(r));
  try {
    for (let i = 0; i < 20; i++) {
      await enqueueMessage({ kind: 'policy_notice', phone: phoneOf(700 + i), params: { title: '停水通知', summary: '明日9时至12时停水' }, dedupeKey: `notice-${i}` });
    }
    const context = { workerId: 'w1', slots: new Slots(1), recorder: new OutcomeRecorder('w1') };
    const notices = deliverBatch(await claimBatch('w1', 20), context);
    await started;
    await nextTurn(); // the other 19 notices are now waiting for the one slot
    await enqueueMessage({ kind: 'login_code', phone: phoneOf(800), params: { code: '654321' }, dedupeKey: 'urgent' });
    const code = deliverBatch(await claimBatch('w1', 20), context);
    await nextTurn();
    release();
    await Promise.all([notices, code]);
    await context.recorder.settled();
  } finally {
    useSmsProvider(real);
  }
  expect(fake.sent.map((m) => m.templateCode)).toEqual(['OW_POLICY_NOTICE', 'OW_LOGIN_CODE', ...Array(19).fill('OW_POLICY_NOTICE')]);
  expect(await MessageModel.countDocuments({ status: 'sent' })).toBe(21);
});

it('sends one number\'s messages in the order they were queued, even when a later one is due first', async () => {
  // The later messages are due earlier, so the batch lists them first; they still wait their turn.
  const phones = Array.from({ length: 12 }, (_, i) => phoneOf(100 + i));
  for (const phone of phones) await applicationStory(phone, (step) => new Date(Date.now() - (10 + 10 * step) * 60_000));
  expect(await drainQueue('w1', { concurrency: 8 })).toBe(36);
  expect(fake.sent).toHaveLength(36);
  for (const phone of phones) expect(receivedByPhone().get(phone)).toEqual(STORY);
  expect(await MessageModel.countDocuments({ status: 'sent' })).toBe(36);
});

it('holds a message while an earlier one to the same number is held by another worker', async () => {
  await applicationStory(phoneOf(200));
  const first = (await claimNextMessage('w1'))!;
  expect(first.templateCode).toBe('OW_APPLICATION_ACCEPTED');
  expect(await drainQueue('w2')).toBe(2);
  expect(fake.sent).toHaveLength(0);
  const waiting = await MessageModel.find({ status: 'queued' }).lean();
  expect(waiting.map((m) => m.deferredReason)).toEqual(['ordering', 'ordering']);
  await deliverClaimed(first, 'w1');
  await raceUntilSettled([{ id: 'w2', concurrency: 8 }]);
  expect(receivedByPhone().get(phoneOf(200))).toEqual(STORY);
});

it('lets two drains race over one long queue: every message sent exactly once, each number in order', async () => {
  const phones = Array.from({ length: 40 }, (_, i) => phoneOf(300 + i));
  for (const phone of phones) await applicationStory(phone);
  const handled = await raceUntilSettled([
    { id: 'worker-a', concurrency: 8 },
    { id: 'worker-b', concurrency: 3 },
  ]);
  expect(fake.sent).toHaveLength(120);
  expect(new Set(fake.sent.map((m) => m.outId)).size).toBe(120);
  expect(fake.requests.SendSms).toBe(120);
  for (const phone of phones) expect(receivedByPhone().get(phone)).toEqual(STORY);
  expect(await MessageModel.countDocuments({ status: 'sent' })).toBe(120);
  // Every claim is counted once: handled = sent + deferrals (each deferral is claimed again later).
  const deferrals = await MessageModel.aggregate([{ $unwind: '$attempts' }, { $match: { 'attempts.outcome': 'deferred' } }, { $count: 'n' }]);
  expect(handled.get('worker-a')! + handled.get('worker-b')!).toBe(120 + (deferrals[0]?.n ?? 0));
});

it('fences outcomes on the claim: a worker whose lease expired cannot record over the new holder', async () => {
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(400), params: { number: 'ZG400', item: '出生登记' }, dedupeKey: 'fenced' });
  const stale = (await claimNextMessage('w1'))!;
  // w2 comes after w1's lease has run out (as seen from w2's clock) and takes the message over.
  const later = new Date(Date.now() + 2 * 3600_000);
  const current = (await claimNextMessage('w2', later))!;
  expect(current.lease).toMatchObject({ owner: 'w2', lookUpFirst: true });
  // w1 wakes up and sends: Aliyun gets it, but w1 cannot record the outcome.
  await deliverClaimed(stale, 'w1');
  expect(fake.sent).toHaveLength(1);
  expect(await MessageModel.findOne().lean()).toMatchObject({ status: 'sending', lease: { owner: 'w2' }, attempts: [] });
  // w2 looks it up first and finds it: no second send.
  await deliverClaimed(current, 'w2');
  const m = (await MessageModel.findOne().lean())!;
  expect(m.status).toBe('sent');
  expect(m.attempts.map((a) => [a.worker, a.outcome])).toEqual([['w2', 'lookup_found']]);
  expect(fake.requests.SendSms).toBe(1);
});

it('gives a claim back untouched when too little of its lease is left to send under', async () => {
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(500), params: { number: 'ZG500', item: '出生登记' }, dedupeKey: 'late' });
  const claimed = (await claimNextMessage('w1'))!;
  claimed.lease.until = new Date(Date.now() + 1000); // as if it had waited most of its lease in a batch
  await deliverClaimed(claimed, 'w1');
  expect(fake.requests.SendSms ?? 0).toBe(0);
  expect(await MessageModel.findOne().lean()).toMatchObject({ status: 'queued', uncertain: false, tries: 0, attempts: [] });
  expect((await MessageModel.findOne().lean())!.lease).toBeUndefined();
  expect(await drainQueue('w1')).toBe(1);
  expect(fake.sent).toHaveLength(1);
});

it('claims messages left by earlier worker versions (lease stored as null, no claim count)', async () => {
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(600), params: { number: 'ZG600', item: '出生登记' }, dedupeKey: 'old-format' });
  await enqueueMessage({ kind: 'application_approved', phone: phoneOf(601), params: { number: 'ZG601', item: '出生登记' }, dedupeKey: 'older-format' });
  await MessageModel.collection.updateOne({ dedupeKey: 'old-format' }, { $set: { lease: null } });
  await MessageModel.collection.updateOne({ dedupeKey: 'older-format' }, { $unset: { claims: '' } });
  expect(await drainQueue('w1')).toBe(2);
  const stored = await MessageModel.find({}, { status: 1, tries: 1, claims: 1, _id: 0 }).lean();
  expect(stored).toEqual([{ status: 'sent', tries: 1, claims: 1 }, { status: 'sent', tries: 1, claims: 1 }]);
  expect(fake.sent).toHaveLength(2);
});
