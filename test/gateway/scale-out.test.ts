/**
 * Scale-out: two gateway processes and two worker processes (started as a deployment starts them,
 * `npm start` with RUN_WORKER=false and `npm run worker`) against a three-member MongoDB replica set.
 * - Bookings stay exact across both gateways, every SMS goes out once (the real Aliyun SDK against
 *   the signature-checking fake), and scheduled jobs run in one process at a time.
 * - The primary steps down during a booking burst: no booking is lost or doubled, and clients see
 *   only answers or a retryable 503 with Retry-After (which they retry with the same
 *   Idempotency-Key), never a 500.
 */
import { MongoClient } from 'mongodb';
import * as os from 'node:os';
import { loadConfig, useConfig } from '../../config/server';
import { slotIdOf } from '../../gateway/bookings/schedule';
import { connectDatabase, disconnectDatabase } from '../../gateway/db/connection';
import { useSmsProvider } from '../../gateway/notifications/providers';
import { seedDemoData } from '../../gateway/seed';
import { BookingModel } from '../../models/booking';
import { JobRunModel } from '../../models/job-run';
import { MessageModel } from '../../models/message';
import { SlotModel } from '../../models/slot';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../scripts/mongod/embedded';
import { bookableHallDate, createBookingResident, HALL_GUIDE, type BookingResident } from '../support/booking-factories';
import type { FakeAliyun } from '../support/fake-aliyun';
import { createStaff } from '../support/factories';
import { freePort, spawnScript, type Spawned } from '../support/processes';
import { startSmsFake } from '../support/sms';

jest.setTimeout(900_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let mongo: EmbeddedMongo;
let uri: string;
let fake: FakeAliyun;
const gateways: Array<{ proc: Spawned; url: string }> = [];
const workers: Spawned[] = [];
let clerk: { token: string };
const residents: BookingResident[] = [];

beforeAll(async () => {
  mongo = await startEmbeddedMongo({ members: 3, restartOnExit: true });
  uri = mongo.uri.replace('/onewindow?', '/scale_out?');
  const sms = await startSmsFake();
  fake = sms.fake;
  const env = { ...sms.env, MONGODB_URI: uri, SERVE_H5: 'false', DEMO_SEED: 'false', LOG_LEVEL: 'warn', SMS_LEASE_SECONDS: '5' };
  useConfig(loadConfig({ ...process.env, ...env }));
  useSmsProvider(undefined);
  await connectDatabase(uri);
  await seedDemoData();
  clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' });
  while (residents.length < 60) residents.push(...(await Promise.all(Array.from({ length: 20 }, () => createBookingResident()))));

  // Gateways first (they build any index the test process did not), then the workers.
  for (let i = 0; i < 2; i++) gateways.push({ proc: spawnScript('scripts/start.ts', { ...env, HOST: '127.0.0.1', PORT: String(await freePort()), RUN_WORKER: 'false' }), url: '' });
  for (const gw of gateways) [, gw.url] = await gw.proc.waitFor(/is running at (http:\/\/\S+)/, 300_000).catch(withMembers);
  for (let i = 0; i < 2; i++) workers.push(spawnScript('scripts/worker.ts', env));
  for (const w of workers) await w.waitFor(/\[worker\] \S+ running/, 300_000).catch(withMembers);
});

/** Adds the replica set members' states to a start-up failure (a member of the test set may have died). */
async function withMembers(err: Error): Promise<never> {
  const admin = clientOf(mongo.uri);
  const states = await admin
    .db('admin')
    .command({ replSetGetStatus: 1 })
    .then((s) => JSON.stringify((s.members as Array<{ name: string; stateStr: string; health: number }>).map((m) => [m.name, m.stateStr, m.health])))
    .catch((e: Error) => `unknown (${e.message})`)
    .finally(() => admin.close());
  throw new Error(`${err.message}\nreplica set members: ${states}`);
}

afterAll(async () => {
  for (const exit of mongo?.exits() ?? []) process.stderr.write(`[scale-out] member ${exit.port} exited (code ${exit.code}, signal ${exit.signal}) at ${exit.at.toISOString()}; ${exit.reason ? `it said: ${exit.reason}` : `its last lines:\n${exit.tail.slice(-5).join('\n')}`}\n`);
  // Every process should stop cleanly; one that did not says why (its stop names what it waited for).
  await Promise.all(
    [...gateways.map((g) => g.proc), ...workers].map(async (proc) => {
      const code = await proc.stop();
      if (code !== 0) process.stderr.write(`[scale-out] a process exited with ${code} on SIGTERM; its last output:\n${proc.output().slice(-2000)}\n`);
    }),
  );
  await disconnectDatabase();
  await fake?.close();
  await mongo?.stop();
});

/** A driver client of its own (the test's mongoose connection stays out of the failover). */
const clientOf = (uri: string) => new MongoClient(uri, { runtimeAdapters: { os } } as never);

/** A banner-hall market slot `ahead` working days on, its capacity set by the window clerk. */
async function slotWithCapacity(ahead: number, hhmm: string, capacity: number): Promise<string> {
  const slotId = slotIdOf('banner-hall', 'market', await bookableHallDate(ahead), hhmm);
  await setCapacity(slotId, capacity);
  return slotId;
}

async function setCapacity(slotId: string, capacity: number): Promise<void> {
  const res = await fetch(`${gateways[0].url}/api/v1/staff/slots/${encodeURIComponent(slotId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${clerk.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ capacity, reason: '窗口人员调整' }),
  });
  expect(res.status).toBe(200);
}

interface Answer {
  status: number;
  body: { id?: string; error?: { code: string; message: string } };
  /** Every status seen on the way (503s retried), and whether each 503 said when to retry. */
  seen: Array<{ status: number; retryAfter: string | null }>;
}

/**
 * A client as the mini-program behaves: one Idempotency-Key per booking attempt, and a 503 (or a
 * connection the gateway dropped) retried with the same key after Retry-After (shortened here).
 */
async function book(resident: BookingResident, base: string, slotId: string, key?: string): Promise<Answer> {
  const seen: Answer['seen'] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${base}/api/v1/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${resident.token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ slotId, guideCode: HALL_GUIDE }),
      });
    } catch {
      seen.push({ status: 0, retryAfter: null });
      await sleep(500);
      continue;
    }
    const body = (await res.json()) as Answer['body'];
    seen.push({ status: res.status, retryAfter: res.headers.get('retry-after') });
    if (res.status !== 503 || !key) return { status: res.status, body, seen };
    await sleep(Math.min(Number(res.headers.get('retry-after')) || 1, 1) * 500);
  }
  throw new Error(`booking of ${resident.id} never got a final answer: ${JSON.stringify(seen)}`);
}

/** Waits until every message of these causes has reached the provider, and returns them. */
async function deliveredFor(causeIds: string[], kind: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const messages = await MessageModel.find({ kind, 'cause.id': { $in: causeIds } }).lean();
    if (messages.length === causeIds.length && messages.every((m) => m.status === 'sent')) return messages;
    if (Date.now() > deadline) throw new Error(`SMS not delivered in time: ${JSON.stringify(messages.map((m) => m.status))}`);
    await sleep(500);
  }
}

/** How many times the fake accepted each of these messages (by OutId, the message id). */
function sendsPerMessage(messageIds: string[]): number[] {
  return messageIds.map((id) => fake.sent.filter((m) => m.outId === id).length);
}

type Member = { name: string; stateStr: string; health: number };

/** The replica set's members once each is a healthy primary or secondary (or when `waitMs` is over). */
async function membersRejoined(admin: MongoClient, waitMs: number): Promise<Member[]> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const members = (await admin.db('admin').command({ replSetGetStatus: 1 })).members as Member[];
    if (members.every((m) => m.health === 1 && ['PRIMARY', 'SECONDARY'].includes(m.stateStr)) || Date.now() > deadline) return members;
    await sleep(1000);
  }
}

async function expectExactBookings(slotId: string, capacity: number, answers: Answer[]): Promise<string[]> {
  const winners = answers.filter((a) => a.status === 201).map((a) => a.body.id!);
  expect(winners).toHaveLength(capacity);
  expect(new Set(winners).size).toBe(capacity);
  const full = answers.filter((a) => a.status === 409);
  expect(full).toHaveLength(answers.length - capacity);
  expect(full.every((a) => a.body.error?.code === 'booking.slot_full')).toBe(true);
  const slot = await SlotModel.findById(slotId).lean();
  expect(slot).toMatchObject({ capacity, booked: capacity });
  const bookings = await BookingModel.find({ slotId }).lean();
  expect(bookings.map((b) => String(b._id)).sort()).toEqual([...winners].sort());
  expect(slot!.holders.map((h) => h.bookingId).sort()).toEqual([...winners].sort());
  expect(new Set(bookings.map((b) => b.userId)).size).toBe(capacity);
  return winners;
}

it('keeps bookings exact across two gateways, sends every SMS once from two workers, and runs each scheduled job in one process at a time', async () => {
  const slotId = await slotWithCapacity(2, '14:30', 10);
  const answers = await Promise.all(residents.slice(0, 40).map((r, i) => book(r, gateways[i % 2].url, slotId)));
  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  const winners = await expectExactBookings(slotId, 10, answers);

  // A policy notice fanned out by the scheduled job to 20 subscribers who subscribed through either gateway.
  const subscribers = residents.slice(40, 60);
  for (const [i, r] of subscribers.entries()) {
    const res = await fetch(`${gateways[i % 2].url}/api/v1/me/subscriptions`, { method: 'PUT', headers: { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ topics: ['agriculture'] }) });
    expect(res.status).toBe(200);
  }
  const supervisor = await createStaff(['supervisor']);
  const published = await fetch(`${gateways[1].url}/api/v1/staff/notices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${supervisor.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: '2026年耕地地力保护补贴申报', body: '请于12月15日前到所在苏木乡镇便民服务大厅申报。', smsSummary: '请于12月15日前到镇便民服务大厅申报', audience: { type: 'topic', topic: 'agriculture' } }),
  });
  expect(published.status).toBe(201);

  const confirmations = await deliveredFor(winners, 'booking_confirmed');
  expect(sendsPerMessage(confirmations.map((m) => String(m._id)))).toEqual(winners.map(() => 1));
  const deadline = Date.now() + 120_000;
  let notices = await MessageModel.find({ kind: 'policy_notice' }).lean();
  while ((notices.length < subscribers.length || notices.some((m) => m.status !== 'sent')) && Date.now() < deadline) {
    await sleep(500);
    notices = await MessageModel.find({ kind: 'policy_notice' }).lean();
  }
  expect(notices).toHaveLength(subscribers.length);
  expect(notices.every((m) => m.status === 'sent')).toBe(true);
  expect(sendsPerMessage(notices.map((m) => String(m._id)))).toEqual(subscribers.map(() => 1));
  expect(fake.sent.filter((m) => m.templateCode === notices[0].templateCode).map((m) => m.phone).sort()).toEqual(subscribers.map((r) => r.phone).sort());

  // Both workers delivered; nothing was claimed by two of them at once (one accepted send each).
  const deliveredBy = new Set([...confirmations, ...notices].flatMap((m) => m.attempts.filter((a) => a.outcome === 'accepted').map((a) => a.worker)));
  process.stderr.write(`\n[scale-out] SMS delivered by ${deliveredBy.size} worker process(es)\n`);

  // Scheduled jobs: every run recorded; runs of one job never overlap, whichever process ran them.
  const runs = await JobRunModel.find({}).sort({ job: 1, startedAt: 1 }).lean();
  const fanOuts = runs.filter((r) => r.job === 'notice-fanout');
  expect(fanOuts.length).toBeGreaterThan(0);
  for (const job of new Set(runs.map((r) => r.job))) {
    const own = runs.filter((r) => r.job === job);
    for (let i = 1; i < own.length; i++) {
      const previousEnd = own[i - 1].finishedAt ?? new Date();
      expect(own[i].startedAt.getTime()).toBeGreaterThanOrEqual(previousEnd.getTime());
    }
  }
  process.stderr.write(`[scale-out] job runs: ${JSON.stringify(Object.fromEntries([...new Set(runs.map((r) => r.job))].map((j) => [j, new Set(runs.filter((r) => r.job === j).map((r) => r.owner)).size + ' owner(s), ' + runs.filter((r) => r.job === j).length + ' run(s)'])))}\n`);
});

it('loses and doubles no booking when the primary steps down during a burst; clients see 503 with Retry-After, never a 500', async () => {
  const slotId = await slotWithCapacity(3, '15:00', 15);
  const admin = await clientOf(mongo.uri).connect();
  const before = (await admin.db('admin').command({ hello: 1 })).primary as string;
  const started = Date.now();

  const request = (r: BookingResident, i: number) => book(r, gateways[i % 2].url, slotId, `scale-${r.id}`);
  const firstWave = residents.slice(0, 30).map(request);
  await sleep(150);
  const primary = clientOf(`mongodb://${before}/?directConnection=true`);
  // The primary closes its connections as it steps down: the command's own answer may be lost.
  const stepDown = primary
    .db('admin')
    .command({ replSetStepDown: 30, secondaryCatchUpPeriodSecs: 10 })
    .catch((err: Error) => err.message);
  const secondWave = residents.slice(30, 60).map((r, i) => request(r, i + 30));
  const answers = await Promise.all([...firstWave, ...secondWave]);
  await stepDown;
  await primary.close().catch(() => undefined);

  let after = before;
  for (let i = 0; i < 120 && (after === before || !after); i++) {
    after = (await admin.db('admin').command({ hello: 1 })).primary;
    if (after === before) await sleep(500);
  }
  await admin.close();
  const seen = answers.flatMap((a) => a.seen);
  const tally = seen.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {});
  process.stderr.write(`[scale-out] step-down ${before} → ${after}; answers over ${Date.now() - started} ms: ${JSON.stringify(tally)}\n`);
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);

  // Never a 500 (or any other 5xx than a 503), and every 503 says when to retry.
  expect(seen.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
  expect(seen.filter((s) => s.status === 503 && !(Number(s.retryAfter) > 0))).toEqual([]);
  expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
  const winners = await expectExactBookings(slotId, 15, answers);

  const confirmations = await deliveredFor(winners, 'booking_confirmed');
  expect(sendsPerMessage(confirmations.map((m) => String(m._id)))).toEqual(winners.map(() => 1));
});

it('answers 503 with Retry-After while no primary can be elected, then books exactly once on retry', async () => {
  // Longer than the driver waits for a primary (10 s): both secondaries are frozen for 30 s, then the
  // primary is made to step down, so there is no primary for ~30 s — requests meanwhile fail and must
  // say "retry".
  const slotId = await slotWithCapacity(4, '15:30', 12);
  const admin = await clientOf(mongo.uri).connect();
  // A member of this Wine-run test set can crash under load (a process failure, not a wrong answer);
  // it is started again on its port and data, as a service manager would. The outage waits for it to
  // rejoin, and is made with the members that are up if one still has not.
  const all = await membersRejoined(admin, 90_000);
  const members = all.filter((m) => m.health === 1);
  if (members.length < all.length) process.stderr.write(`[scale-out] members down before the outage: ${JSON.stringify(all.filter((m) => m.health !== 1).map((m) => m.name))}\n`);
  const primaryName = members.find((m) => m.stateStr === 'PRIMARY')!.name;
  const clients = members.map((m) => clientOf(`mongodb://${m.name}/?directConnection=true`));
  for (const [i, m] of members.entries()) {
    if (m.name !== primaryName) await clients[i].db('admin').command({ replSetFreeze: 30 });
  }
  const started = Date.now();
  const oldPrimary = clients[members.findIndex((m) => m.name === primaryName)];
  // `force`: step down even though no electable secondary is there to take over (the point of the test).
  await oldPrimary.db('admin').command({ replSetStepDown: 60, secondaryCatchUpPeriodSecs: 2, force: true }).catch(() => undefined);
  expect((await oldPrimary.db('admin').command({ hello: 1 })).isWritablePrimary).toBe(false);

  const answers = await Promise.all(residents.slice(0, 40).map((r, i) => book(r, gateways[i % 2].url, slotId, `outage-${r.id}`)));
  await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  await admin.close();
  const seen = answers.flatMap((a) => a.seen);
  const tally = seen.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {});
  process.stderr.write(`[scale-out] no primary for a while: answers over ${Date.now() - started} ms: ${JSON.stringify(tally)}\n`);

  const unavailable = seen.filter((s) => s.status === 503);
  expect(unavailable.length).toBeGreaterThan(0);
  expect(unavailable.every((s) => Number(s.retryAfter) > 0)).toBe(true);
  expect(seen.filter((s) => s.status >= 500 && s.status !== 503)).toEqual([]);
  expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
  const winners = await expectExactBookings(slotId, 12, answers);
  const confirmations = await deliveredFor(winners, 'booking_confirmed');
  expect(sendsPerMessage(confirmations.map((m) => String(m._id)))).toEqual(winners.map(() => 1));
});
