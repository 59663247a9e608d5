/**
 * Runs background work: queue consumers in every worker process (each claims its own items) and
 * scheduled jobs once cluster-wide (a lease decides which process). `npm start` runs it inside the
 * gateway; `npm run worker` runs it alone.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
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

export interface RunningWorker {
  id: string;
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

  for (const task of tasks) {
    loops.push(
      (async () => {
        while (!stopping) {
          let again = false;
          try {
            const leaseTtl = Math.max(task.intervalMs * 3, 30_000);
            if (task.mode === 'singleton' && !(await acquireLease(`task:${task.name}`, id, leaseTtl))) {
              again = false;
            } else {
              again = (await task.run({ workerId: id })) === true;
            }
          } catch (err) {
            logger().error({ err, task: task.name }, 'background task failed');
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
    async stop() {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      for (const w of wakeups) w();
      await Promise.all(loops);
    },
  };
}
