/**
 * Runs background work: queue consumers in every worker process (each claims its own items) and
 * scheduled jobs once cluster-wide (a lease decides which process). `npm start` runs it inside the
 * gateway; `npm run worker` runs it alone.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JobRunModel } from '../../models/job-run';
import { logger } from '../logger';
import { acquireLease, releaseLease } from './lease';

export interface BackgroundTask {
  name: string;
  /** Pause between runs. */
  intervalMs: number;
  /** `each`: every worker process runs it; `singleton`: one process at a time cluster-wide. */
  mode: 'each' | 'singleton';
  /** Returns true when it did work and should run again at once (drain a queue). */
  run(context: { workerId: string }): Promise<boolean | void>;
}

const registered = new Map<string, BackgroundTask>();
/** In-process nudges: work queued by this process wakes its own worker at once. */
const wakeListeners = new Map<string, Set<() => void>>();

export function wakeTask(name: string): void {
  for (const wake of wakeListeners.get(name) ?? []) wake();
}

export function registerTask(task: BackgroundTask): void {
  registered.set(task.name, task);
}

export function registeredTasks(): BackgroundTask[] {
  return [...registered.values()];
}

/**
 * Runs a scheduled job if this process holds its cluster-wide lease (renewed while the run lasts,
 * so a long run is never taken over by a second process), and records the run in `job_runs`.
 * Returns whether the job asked to run again at once.
 */
async function runScheduled(task: BackgroundTask, workerId: string): Promise<boolean> {
  const leaseName = `task:${task.name}`;
  const leaseTtl = Math.max(task.intervalMs * 3, 30_000);
  if (!(await acquireLease(leaseName, workerId, leaseTtl))) return false;
  const run = await JobRunModel.create({ job: task.name, owner: workerId, startedAt: new Date(), outcome: 'running' });
  const renew = setInterval(() => {
    acquireLease(leaseName, workerId, leaseTtl).then(
      (held) => held || logger().error({ task: task.name }, 'scheduled job lost its lease while running'),
      (err) => logger().warn({ err, task: task.name }, 'renewing a job lease failed'),
    );
  }, leaseTtl / 3);
  let again = false;
  let outcome: 'done' | 'failed' = 'failed';
  try {
    again = (await task.run({ workerId })) === true;
    outcome = 'done';
  } finally {
    clearInterval(renew);
    await JobRunModel.updateOne({ _id: run._id }, { $set: { finishedAt: new Date(), outcome, didWork: again } }).catch((err) =>
      logger().warn({ err, task: task.name }, 'recording a job run failed'),
    );
  }
  return again;
}

export interface RunningWorker {
  id: string;
  /** Tasks whose loop is inside a run (not waiting for its next turn): what a slow stop waits for. */
  busy(): string[];
  stop(): Promise<void>;
}

export function startWorker(tasks: BackgroundTask[] = registeredTasks()): RunningWorker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let stopping = false;
  const loops: Promise<void>[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const wakeups = new Set<() => void>();
  const running = new Set<string>();

  for (const task of tasks) {
    loops.push(
      (async () => {
        while (!stopping) {
          let again = false;
          running.add(task.name);
          try {
            if (task.mode === 'each') again = (await task.run({ workerId: id })) === true;
            else again = await runScheduled(task, id);
          } catch (err) {
            logger().error({ err, task: task.name }, 'background task failed');
          } finally {
            running.delete(task.name);
          }
          if (!stopping && !again) {
            await new Promise<void>((resolve) => {
              const done = () => {
                wakeups.delete(done);
                listeners.delete(done);
                resolve();
              };
              wakeups.add(done);
              const listeners = wakeListeners.get(task.name) ?? new Set();
              wakeListeners.set(task.name, listeners);
              listeners.add(done);
              void sleep(task.intervalMs).then(done);
            });
          }
        }
        if (task.mode === 'singleton') await releaseLease(`task:${task.name}`, id).catch(() => undefined);
      })(),
    );
  }

  return {
    id,
    busy: () => [...running],
    async stop() {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      for (const w of wakeups) w();
      await Promise.all(loops);
    },
  };
}
