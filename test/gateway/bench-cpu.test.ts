/** The benchmark's CPU accounting (scripts/bench/cpu.ts), read from Linux's /proc. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { countCpu } from '../../scripts/bench/cpu';

const linux = process.platform === 'linux';

/** Keeps this thread busy until the process has used `ms` more milliseconds of user CPU. */
function spin(ms: number): void {
  const start = process.cpuUsage();
  while (process.cpuUsage(start).user < ms * 1000);
}

/** A process that spins for `ms` of CPU each time it reads a line, answering "done" after each. */
function spinner(ms: number): ChildProcessWithoutNullStreams {
  const script = `process.stdin.on('data', () => { const s = process.cpuUsage(); while (process.cpuUsage(s).user < ${ms * 1000}); process.stdout.write('done\\n'); });`;
  return spawn(process.execPath, ['-e', script]);
}

async function spinOnce(child: ChildProcessWithoutNullStreams): Promise<void> {
  child.stdin.write('go\n');
  await once(child.stdout, 'data');
}

describe('countCpu', () => {
  it("counts this thread's work as the main thread's, within what the process used", () => {
    const counter = countCpu();
    const before = process.cpuUsage();
    spin(400);
    const used = process.cpuUsage(before);
    const use = counter.stop();
    if (!linux) return expect(use).toBeUndefined();
    // The spin's 400 ms include what V8's helper threads did meanwhile; /proc counts in 10 ms ticks.
    expect(use!.mainUs).toBeGreaterThanOrEqual(250_000);
    expect(use!.mainUs + use!.otherThreadsUs).toBeLessThanOrEqual(used.user + used.system + 30_000);
    expect(use!.databaseUs).toBeUndefined();
  });

  it("counts the named processes' CPU as the database's, and not as this process's", async () => {
    const child = spinner(300);
    try {
      const counter = countCpu([child.pid!]);
      await spinOnce(child);
      const use = counter.stop();
      if (!linux) return expect(use).toBeUndefined();
      expect(use!.databaseUs).toBeGreaterThanOrEqual(250_000);
      expect(use!.mainUs).toBeLessThan(250_000);
    } finally {
      child.kill();
    }
  });

  it('leaves the database out when one of its processes is gone', async () => {
    const child = spinner(10);
    const counter = countCpu([child.pid!]);
    await spinOnce(child);
    child.kill();
    await once(child, 'exit');
    const use = counter.stop();
    if (!linux) return expect(use).toBeUndefined();
    expect(use!.databaseUs).toBeUndefined();
    expect(use!.mainUs).toBeGreaterThanOrEqual(0);
  });
});
