/**
 * The background runner with two worker "processes" (two runners) on one database: a scheduled job
 * runs in one of them at a time and every run is recorded; queue consumers run in both; a stopped
 * worker hands its jobs over.
 */
import { JobRunModel } from '../../models/job-run';
import { LeaseModel } from '../../models/lease';
import { startWorker, type BackgroundTask, type RunningWorker } from '../../gateway/worker/runner';
import { connectTestDatabase, dropTestDatabase } from '../support/db';
import { waitFor } from '../support/wait';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => connectTestDatabase('worker'));
afterAll(() => dropTestDatabase());

it('runs a scheduled job in one worker at a time, records each run, and hands it over when that worker stops', async () => {
  let running = 0;
  let overlapped = false;
  const ranIn = new Set<string>();
  const job: BackgroundTask = {
    name: 'test-sweep',
    intervalMs: 50,
    mode: 'singleton',
    async run({ workerId }) {
      running++;
      if (running > 1) overlapped = true;
      ranIn.add(workerId);
      await sleep(20);
      running--;
    },
  };
  const first = startWorker([job]);
  const second = startWorker([job]);
  // Several runs (every 50 ms, each recorded): time enough for the other worker to have run it too.
  await waitFor(async () => (await JobRunModel.countDocuments({ job: 'test-sweep' })) > 10, undefined, 'more than 10 recorded runs');
  expect(overlapped).toBe(false);
  expect(ranIn.size).toBe(1);
  const holder = [...ranIn][0];
  const runs = await JobRunModel.find({ job: 'test-sweep' }).sort({ startedAt: 1 }).lean();
  expect(runs.length).toBeGreaterThan(10);
  expect(new Set(runs.map((r) => r.owner))).toEqual(new Set([holder]));
  expect(runs.filter((r) => r.outcome === 'done').length).toBeGreaterThanOrEqual(runs.length - 1);

  const [stopping, staying]: RunningWorker[] = holder === first.id ? [first, second] : [second, first];
  await stopping.stop();
  // Released at once: gone, or already taken by the other worker (it polls every 50 ms), never
  // still held by the stopped one until it expires.
  const lease = await LeaseModel.findById('task:test-sweep').lean();
  expect([undefined, staying.id]).toContain(lease?.owner);
  await waitFor(async () => ranIn.has(staying.id), undefined, 'a run in the other worker');
  expect(ranIn).toEqual(new Set([holder, staying.id]));
  await staying.stop();
  expect(overlapped).toBe(false);
});

it('records a failed run and keeps running the job', async () => {
  let calls = 0;
  const flaky: BackgroundTask = {
    name: 'test-flaky',
    intervalMs: 50,
    mode: 'singleton',
    async run() {
      calls++;
      if (calls === 1) throw new Error('boom');
    },
  };
  const worker = startWorker([flaky]);
  await waitFor(async () => calls >= 3, undefined, 'three runs');
  await worker.stop();
  const runs = await JobRunModel.find({ job: 'test-flaky' }).sort({ startedAt: 1 }).lean();
  expect(runs[0]).toMatchObject({ outcome: 'failed' });
  expect(runs.slice(1).every((r) => r.outcome === 'done' && r.finishedAt)).toBe(true);
  expect(runs.length).toBeGreaterThan(1);
});

it('runs a queue consumer in every worker', async () => {
  const ranIn = new Set<string>();
  const consumer: BackgroundTask = { name: 'test-consumer', intervalMs: 50, mode: 'each', run: async ({ workerId }) => void ranIn.add(workerId) };
  const a = startWorker([consumer]);
  const b = startWorker([consumer]);
  await waitFor(async () => ranIn.size === 2, undefined, 'a run in each worker');
  await Promise.all([a.stop(), b.stop()]);
  expect(ranIn).toEqual(new Set([a.id, b.id]));
  expect(await JobRunModel.countDocuments({ job: 'test-consumer' })).toBe(0);
});
