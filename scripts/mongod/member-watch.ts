/**
 * Watches the mongod processes of an embedded replica set: a member that exits while nobody asked
 * it to is recorded with its last log lines (so a test can say why), and can be started again on
 * the same port with the same data, as a service manager would.
 */
import type { EventEmitter } from 'node:events';
import type { MongoMemoryServer } from 'mongodb-memory-server';

export interface MemberExit {
  port: number;
  code: number | null;
  signal: string | null;
  at: Date;
  /** The member's last log lines before it exited. */
  tail: string[];
  restarted?: boolean;
}

const TAIL_LINES = 30;

export function watchMembers(servers: MongoMemoryServer[], options: { restart: boolean }) {
  const exits: MemberExit[] = [];
  let stopping = false;

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
      const exit: MemberExit = { port: info.port, code, signal, at: new Date(), tail: [...tail] };
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

  servers.forEach(watch);
  return {
    exits,
    stopping() {
      stopping = true;
    },
  };
}
