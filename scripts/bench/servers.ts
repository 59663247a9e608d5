/**
 * Child processes for the benchmark: the real gateway, and a bare Koa server as the HTTP
 * baseline. Both run in their own process, as in production, so the load generator (this
 * process) does not share their event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resident set size in MB, from /proc. */
  rssMb(): number;
  stop(): Promise<void>;
}

export function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/LISTENING (http:\/\/\S+)/);
      if (m) {
        child.stdout!.off('data', onData);
        resolvePromise({
          url: m[1],
          pid: child.pid!,
          child,
          rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}):\n${out.slice(-2000)}`)));
  });
}
