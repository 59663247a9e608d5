/**
 * CPU time spent during a phase, from Linux's /proc: this process's main thread, its other threads
 * (V8's garbage collection and compilation helpers, libuv's pool), and the database's processes.
 * It says where a path's time goes when the figures are a contest of CPU on a small machine.
 * Where /proc cannot be read it measures nothing and the callers leave those figures out.
 */
import { readFileSync } from 'node:fs';

/** /proc counts CPU time in ticks of 1/100 s (USER_HZ, the same on every Linux). */
const TICK_US = 10_000;

/** utime + stime of a /proc stat file, in ticks; undefined when it cannot be read. */
function ticksOf(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // The command name (in parentheses) may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

export interface CpuUse {
  /** The main thread: JavaScript, the event loop and what runs on it. */
  mainUs: number;
  /** The process's other threads, exited ones included. */
  otherThreadsUs: number;
  /** The database's processes, when their ids are known and readable. */
  databaseUs?: number;
}

interface Reading {
  main: number;
  process: number;
  database?: number;
}

function read(databasePids: number[]): Reading | undefined {
  const main = ticksOf(`/proc/self/task/${process.pid}/stat`);
  const whole = ticksOf('/proc/self/stat');
  if (main === undefined || whole === undefined) return undefined;
  const database = databasePids.map((pid) => ticksOf(`/proc/${pid}/stat`));
  const known = database.length > 0 && database.every((t) => t !== undefined);
  return { main, process: whole, database: known ? database.reduce((a, b) => a! + b!, 0) : undefined };
}

/** Starts counting; `stop()` returns the CPU used since, or undefined where /proc is unavailable. */
export function countCpu(databasePids: number[] = []): { stop(): CpuUse | undefined } {
  const start = read(databasePids);
  return {
    stop() {
      const end = read(databasePids);
      if (!start || !end) return undefined;
      const database = start.database !== undefined && end.database !== undefined ? (end.database - start.database) * TICK_US : undefined;
      return { mainUs: (end.main - start.main) * TICK_US, otherThreadsUs: (end.process - end.main - (start.process - start.main)) * TICK_US, databaseUs: database };
    },
  };
}
