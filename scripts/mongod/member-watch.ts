/**
 * Watches the mongod processes of an embedded replica set: a member that exits while nobody asked
 * it to is recorded with its last log lines (so a test can say why), and can be started again on
 * the same port with the same data, as a service manager would. With `restart`, a member that has
 * answered no ping for `stallMs` (the Wine-run build can hang without exiting) is killed, and so
 * started again the same way.
 */
import type { EventEmitter } from 'node:events';
import * as os from 'node:os';
import { MongoClient } from 'mongodb';
import type { MongoMemoryServer } from 'mongodb-memory-server';

export interface MemberExit {
  port: number;
  code: number | null;
  signal: string | null;
  at: Date;
  /** The member's last log lines before it exited. */
  tail: string[];
  restarted?: boolean;
  /** Killed by the watch after answering no ping for this long. */
  stalledMs?: number;
}

const TAIL_LINES = 30;
const PING_EVERY_MS = 5_000;

export interface WatchOptions {
  restart: boolean;
  /** How long a member may answer no ping before it is killed (with `restart` only). */
  stallMs?: number;
}

export function watchMembers(servers: MongoMemoryServer[], options: WatchOptions) {
  const exits: MemberExit[] = [];
  let stopping = false;
  const stallMs = options.stallMs ?? 60_000;
  const killedForStall = new Map<number, number>();

  const watch = (server: MongoMemoryServer) => {
    const info = server.instanceInfo;
    if (!info) return;
    const tail: string[] = [];
    const keep = (line: string) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
    };
    // The instance's event names are a string enum the package does not export.
    const instance = info.instance as unknown as EventEmitter;
    instance.on('instanceSTDOUT', keep);
    instance.on('instanceSTDERR', (line: string) => keep(`stderr: ${line}`));
    instance.once('instanceClosed', (code: number | null, signal: string | null) => {
      if (stopping) return;
      const exit: MemberExit = { port: info.port, code, signal, at: new Date(), tail: [...tail], stalledMs: killedForStall.get(info.port) };
      killedForStall.delete(info.port);
      exits.push(exit);
      process.stderr.write(`[mongod] member on port ${info.port} exited unasked (code ${code}, signal ${signal})\n`);
      if (options.restart) void restart(server, exit);
    });
  };

  const restart = async (server: MongoMemoryServer, exit: MemberExit) => {
    try {
      await server.stop({ doCleanup: false, force: false });
      if (stopping) return;
      await server.start(true);
      exit.restarted = true;
      process.stderr.write(`[mongod] member on port ${exit.port} started again\n`);
      watch(server);
    } catch (err) {
      process.stderr.write(`[mongod] member on port ${exit.port} could not be started again: ${(err as Error).message}\n`);
    }
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
          const proc = info?.instance.mongodProcess;
          if (!info || !proc || proc.exitCode !== null || proc.signalCode !== null) {
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
