/**
 * The member watch's answers to a mongod that reports a fatal error and then hangs, and to a
 * restart whose start hangs. A real mongod cannot be made to do either on demand, so the members
 * here are stand-ins with the shape mongodb-memory-server gives the watch: a real child process
 * that stays up until killed, the instance's output and close events, and stop/start. The real
 * restarts (a killed mongod, a hung one) are covered in embedded-mongo.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { MongoMemoryServer } from 'mongodb-memory-server';
import { watchMembers } from '../../scripts/mongod/member-watch';

jest.setTimeout(30_000);

const FATAL_LINE = JSON.stringify({ t: { $date: new Date().toISOString() }, s: 'F', c: 'CONTROL', id: 23134, ctx: 'conn80', msg: 'Unhandled exception', attr: { exceptionString: '(access violation)' } });
const CONFLICT_LINE = JSON.stringify({ s: 'I', c: 'STORAGE', id: 5725001, ctx: 'conn17', msg: 'Conflicted registering namespace, already have a collection with the same namespace', attr: { nss: 'db.slots' } });

/** A stand-in member; its first `hangingStarts` starts never finish. */
function standIn(port: number, hangingStarts = 0) {
  const instance = new EventEmitter() as EventEmitter & { mongodProcess?: ChildProcess };
  const launch = () => {
    const proc = spawn('sleep', ['120'], { stdio: 'ignore' });
    instance.mongodProcess = proc;
    proc.once('exit', (code, signal) => instance.emit('instanceClosed', code, signal));
  };
  launch();
  const calls = { stops: 0, starts: 0 };
  const server = {
    instanceInfo: { port, instance },
    async stop() {
      calls.stops++;
      instance.mongodProcess?.kill('SIGKILL');
      instance.mongodProcess = undefined;
      return true;
    },
    start() {
      calls.starts++;
      if (calls.starts <= hangingStarts) return new Promise<void>(() => undefined);
      launch();
      return Promise.resolve();
    },
  };
  return { server: server as unknown as MongoMemoryServer, instance, calls, kill: () => instance.mongodProcess?.kill('SIGKILL') };
}

async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let stderr: string[];
let restore: () => void;
beforeEach(() => {
  stderr = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  restore = () => spy.mockRestore();
});
afterEach(() => restore());

it('kills a member that reported a fatal error and did not exit, then starts it again, keeping what it said', async () => {
  const member = standIn(1);
  const watch = watchMembers([member.server], { restart: true, stallMs: 600_000, limits: { fatalGraceMs: 500 } });
  try {
    const hung = member.instance.mongodProcess!;
    member.instance.emit('instanceSTDOUT', FATAL_LINE);
    await until(() => watch.exits[0]?.restarted === true);
    expect(hung.signalCode).toBe('SIGKILL');
    expect(watch.exits).toHaveLength(1);
    expect(watch.exits[0]).toMatchObject({ port: 1, signal: 'SIGKILL', restarted: true });
    expect(watch.exits[0].reason).toMatch(/Unhandled exception \(in conn80\).*access violation/);
    expect(member.calls).toEqual({ stops: 1, starts: 1 });
    expect(stderr.join('')).toMatch(/reported a fatal error: Unhandled exception/);
    expect(stderr.join('')).toMatch(/did not exit within 0.5 s of its fatal error; killing it/);

    // Started again, it is watched again: a later crash is recorded on its own, without the old reason.
    member.kill();
    await until(() => watch.exits.length === 2 && watch.exits[1].restarted === true);
    expect(watch.exits[1].reason).toBeUndefined();
    expect(member.calls).toEqual({ stops: 2, starts: 2 });
  } finally {
    await watch.stopping();
    member.kill();
  }
});

it('leaves a member that exits by itself after a fatal error to its exit, and does not kill the next one', async () => {
  const member = standIn(2);
  const watch = watchMembers([member.server], { restart: true, stallMs: 600_000, limits: { fatalGraceMs: 1000 } });
  try {
    member.instance.emit('instanceSTDOUT', FATAL_LINE);
    member.kill(); // the crash handler's own exit
    await until(() => watch.exits[0]?.restarted === true);
    const next = member.instance.mongodProcess!;
    await new Promise((r) => setTimeout(r, 1500)); // past the grace of the old fatal line
    expect(next.exitCode).toBeNull();
    expect(next.signalCode).toBeNull();
    expect(watch.exits).toHaveLength(1);
  } finally {
    await watch.stopping();
    member.kill();
  }
});

it('tries a start that hangs again, and says so', async () => {
  const member = standIn(3, 1);
  const watch = watchMembers([member.server], { restart: true, stallMs: 600_000, limits: { startWithinMs: 500 } });
  try {
    member.kill();
    await until(() => watch.exits[0]?.restarted === true);
    expect(member.calls.starts).toBe(2);
    expect(stderr.join('')).toMatch(/port 3: start 1 of 3 failed: the start did not finish within 0.5 s/);
    expect(stderr.join('')).toMatch(/port 3 started again/);
  } finally {
    await watch.stopping();
    member.kill();
  }
});

it('names a collection two operations created at once', async () => {
  const member = standIn(4);
  const watch = watchMembers([member.server], { restart: false });
  try {
    member.instance.emit('instanceSTDOUT', CONFLICT_LINE);
    expect(stderr.join('')).toMatch(/port 4: Conflicted registering namespace.*\(in conn17\).*db\.slots/);
  } finally {
    await watch.stopping();
    member.kill();
  }
});
