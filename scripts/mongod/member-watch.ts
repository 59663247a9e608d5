/**
 * Watches the mongod processes of an embedded replica set: a member that exits while nobody asked
 * it to is recorded with its last log lines and the reason it gave (so a test can say why), and can
 * be started again on the same port with the same data, as a service manager would. With `restart`:
 * - a member that reports a fatal error and has not exited a second later is killed (the Wine-run
 *   build can hang for a minute writing its crash dump), and so started again;
 * - a member that has answered no ping for `stallMs` (it can also hang without a word) is killed.
 * Each step of a restart has a time limit, and a failed start is tried again.
 * With MONGOD_LOG_DIR set, each member's whole log is appended to `<dir>/mongod-<port>.log`.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import * as os from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { MongoMemoryServer } from 'mongodb-memory-server';

export interface MemberExit {
  port: number;
  code: number | null;
  signal: string | null;
  at: Date;
  /** The member's last log lines before it exited. */
  tail: string[];
  /** What the member said went wrong (its first fatal log line), when it said so. */
  reason?: string;
  restarted?: boolean;
  /** Killed by the watch after answering no ping for this long. */
  stalledMs?: number;
}

const TAIL_LINES = 30;
const PING_EVERY_MS = 5_000;
/**
 * How long a member that reported a fatal error may take to exit by itself. It is going down
 * anyway, and what it does meanwhile (write a crash dump) is of no use here; the sooner it is
 * started again, the fewer requests outwait the driver's server selection (10 s).
 */
const FATAL_GRACE_MS = 1_000;
/** Time limits for the steps of a restart, and how many starts are tried. */
const STOP_WITHIN_MS = 30_000;
const START_WITHIN_MS = 90_000;
const START_TRIES = 3;

export interface WatchOptions {
  restart: boolean;
  /** How long a member may answer no ping before it is killed (with `restart` only). */
  stallMs?: number;
  /** Other time limits than the defaults above (tests). */
  limits?: Partial<{ fatalGraceMs: number; stopWithinMs: number; startWithinMs: number }>;
}

/** A one-line summary of a mongod JSON log line (message, context, error attributes). */
function summarize(line: string): string {
  try {
    const entry = JSON.parse(line) as { ctx?: string; msg?: string; attr?: Record<string, unknown> };
    const attr = entry.attr ? ` ${JSON.stringify(entry.attr)}` : '';
    return `${entry.msg ?? ''} (in ${entry.ctx ?? '?'})${attr}`.slice(0, 300);
  } catch {
    return line.slice(0, 300);
  }
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function watchMembers(servers: MongoMemoryServer[], options: WatchOptions) {
  const exits: MemberExit[] = [];
  let stopping = false;
  const stallMs = options.stallMs ?? 60_000;
  const { fatalGraceMs = FATAL_GRACE_MS, stopWithinMs = STOP_WITHIN_MS, startWithinMs = START_WITHIN_MS } = options.limits ?? {};
  const killedForStall = new Map<number, number>();
  const logDir = process.env.MONGOD_LOG_DIR;
  if (logDir) mkdirSync(logDir, { recursive: true });
  /** Per member: its last lines, and its first fatal line since it last started. */
  const tails = new Map<MongoMemoryServer, string[]>();
  const fatal = new Map<MongoMemoryServer, string>();
  const listening = new WeakSet<object>();

  const alive = (server: MongoMemoryServer) => {
    const proc = server.instanceInfo?.instance.mongodProcess;
    return proc && proc.exitCode === null && proc.signalCode === null ? proc : undefined;
  };

  const onLine = (server: MongoMemoryServer, port: number, line: string) => {
    const tail = tails.get(server)!;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    if (logDir) appendFileSync(join(logDir, `mongod-${port}.log`), line + '\n');
    if (line.includes('Conflicted registering namespace')) {
      // Two operations created one collection at once: the Wine-run build may crash on this.
      process.stderr.write(`[mongod] member on port ${port}: ${summarize(line)}\n`);
    }
    if (/"s":"F"/.test(line) && !fatal.has(server) && !stopping) {
      fatal.set(server, summarize(line));
      process.stderr.write(`[mongod] member on port ${port} reported a fatal error: ${summarize(line)}\n`);
      if (options.restart) {
        const proc = alive(server);
        setTimeout(() => {
          if (proc && alive(server) === proc && !stopping) {
            process.stderr.write(`[mongod] member on port ${port} did not exit within ${fatalGraceMs / 1000} s of its fatal error; killing it\n`);
            proc.kill('SIGKILL');
          }
        }, fatalGraceMs).unref();
      }
    }
  };

  const watch = (server: MongoMemoryServer) => {
    const info = server.instanceInfo;
    if (!info) return;
    if (!tails.has(server)) tails.set(server, []);
    fatal.delete(server);
    // The event names are a string enum the package does not export. A member started again keeps
    // its instance object: its output listeners stay, only the exit is watched afresh.
    const instance = info.instance as unknown as EventEmitter;
    if (!listening.has(instance)) {
      listening.add(instance);
      instance.on('instanceSTDOUT', (line: string) => onLine(server, info.port, line));
      instance.on('instanceSTDERR', (line: string) => onLine(server, info.port, `stderr: ${line}`));
    }
    instance.once('instanceClosed', (code: number | null, signal: string | null) => {
      if (stopping) return;
      const exit: MemberExit = {
        port: info.port,
        code,
        signal,
        at: new Date(),
        tail: [...tails.get(server)!],
        reason: fatal.get(server),
        stalledMs: killedForStall.get(info.port),
      };
      killedForStall.delete(info.port);
      exits.push(exit);
      process.stderr.write(`[mongod] member on port ${info.port} exited unasked (code ${code}, signal ${signal})\n`);
      if (options.restart) void restart(server, exit);
    });
  };

  const restart = async (server: MongoMemoryServer, exit: MemberExit) => {
    let failure = '';
    for (let attempt = 1; attempt <= START_TRIES && !stopping; attempt++) {
      try {
        await within(server.stop({ doCleanup: false, force: false }), stopWithinMs, 'clearing up the exited process');
        if (stopping) return;
        await within(server.start(true), startWithinMs, 'the start');
        exit.restarted = true;
        process.stderr.write(`[mongod] member on port ${exit.port} started again\n`);
        watch(server);
        return;
      } catch (err) {
        failure = (err as Error).message;
        process.stderr.write(`[mongod] member on port ${exit.port}: start ${attempt} of ${START_TRIES} failed: ${failure}\n`);
        alive(server)?.kill('SIGKILL');
        await sleep(1000 * attempt);
      }
    }
    if (!stopping) process.stderr.write(`[mongod] member on port ${exit.port} could not be started again: ${failure}\n`);
  };

  /** Pings each member; one silent for `stallMs` is killed (its exit then restarts it). */
  const watchStalls = () => {
    const lastAnswer = new Map(servers.map((s) => [s, Date.now()]));
    const clients = new Map<MongoMemoryServer, MongoClient>();
    const clientOf = (server: MongoMemoryServer) => {
      let client = clients.get(server);
      if (!client) {
        const port = server.instanceInfo!.port;
        client = new MongoClient(`mongodb://127.0.0.1:${port}/?directConnection=true`, {
          runtimeAdapters: { os },
          serverSelectionTimeoutMS: 4_000,
          socketTimeoutMS: 4_000,
          maxPoolSize: 1,
        } as never);
        clients.set(server, client);
      }
      return client;
    };
    let pinging = false;
    const timer = setInterval(() => {
      if (stopping || pinging) return;
      pinging = true;
      void Promise.all(
        servers.map(async (server) => {
          const info = server.instanceInfo;
          const proc = alive(server);
          if (!info || !proc) {
            lastAnswer.set(server, Date.now()); // starting again: not a stall
            return;
          }
          try {
            await clientOf(server).db('admin').command({ ping: 1 });
            lastAnswer.set(server, Date.now());
          } catch {
            const silent = Date.now() - lastAnswer.get(server)!;
            if (silent < stallMs || stopping) return;
            process.stderr.write(`[mongod] member on port ${info.port} answered no ping for ${Math.round(silent / 1000)} s; killing it to start it again\n`);
            killedForStall.set(info.port, silent);
            lastAnswer.set(server, Date.now());
            proc.kill('SIGKILL');
          }
        }),
      ).finally(() => (pinging = false));
    }, PING_EVERY_MS);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await Promise.all([...clients.values()].map((c) => c.close(true).catch(() => undefined)));
    };
  };

  servers.forEach(watch);
  const stopStallWatch = options.restart ? watchStalls() : undefined;
  return {
    exits,
    async stopping() {
      stopping = true;
      await stopStallWatch?.();
    },
  };
}
