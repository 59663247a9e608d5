/**
 * Builds the Taro mini-program for one platform only when its sources changed since the last build.
 * Tests and the gateway call `ensureMiniprogramBuilt`; people run `tsx scripts/build-miniprogram.ts h5`.
 *
 * A build is current when its stamp (.cache/miniprogram/<type>.stamp, written after a successful
 * build) is newer than every input and the output's entry file still exists. A lock directory keeps
 * two processes (say, two jest workers) from running Taro into the same dist folder at once: the
 * second waits, then finds the build current.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export type MiniprogramPlatform = 'h5' | 'weapp';

export interface EnsureBuiltOptions {
  /** Rebuild even when the output looks current. */
  force?: boolean;
  /** Stream Taro's own output to stderr (the CLI does). */
  verbose?: boolean;
}

const ROOT = resolve(__dirname, '..');
const STATE_DIR = join(ROOT, '.cache', 'miniprogram');
/** Taro writes dist/<platform> (see config/index.ts). */
const ENTRY_FILE: Record<MiniprogramPlatform, string> = { h5: 'index.html', weapp: 'app.js' };
const INPUT_FILES = [
  'config/index.ts',
  'config/dev.ts',
  'config/prod.ts',
  'babel.config.js',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
  'project.config.json',
];
const LOCK_POLL_MS = 250;
const LOCK_WAIT_LIMIT_MS = 10 * 60_000;

export function outputDirFor(type: MiniprogramPlatform): string {
  return join(ROOT, 'dist', type);
}

function log(message: string): void {
  process.stderr.write(`[build-miniprogram] ${message}\n`);
}

/** The newest input file and its mtime (ms); the whole miniprogram/ tree counts. */
function newestInput(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  const consider = (file: string) => {
    const mtimeMs = statSync(file).mtimeMs;
    if (mtimeMs > newest.mtimeMs) newest = { file, mtimeMs };
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) consider(path);
    }
  };
  walk(join(ROOT, 'miniprogram'));
  for (const file of INPUT_FILES) if (existsSync(join(ROOT, file))) consider(join(ROOT, file));
  return newest;
}

function stampPath(type: MiniprogramPlatform): string {
  return join(STATE_DIR, `${type}.stamp`);
}

/** Why the output needs a build, or undefined when it is current. */
function staleReason(type: MiniprogramPlatform): string | undefined {
  if (!existsSync(join(outputDirFor(type), ENTRY_FILE[type]))) return 'no previous output';
  if (!existsSync(stampPath(type))) return 'no build stamp';
  const { startedAt } = JSON.parse(readFileSync(stampPath(type), 'utf8')) as { startedAt: number };
  const newest = newestInput();
  // Compare with the build's start: a file saved while Taro was running is not in that output.
  if (newest.mtimeMs >= startedAt) return `${relative(ROOT, newest.file)} changed`;
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Takes the per-platform lock, waiting for another holder; returns the release function. */
async function acquireLock(type: MiniprogramPlatform): Promise<() => void> {
  const lockDir = join(STATE_DIR, `${type}.lock`);
  const ownerFile = join(lockDir, 'owner.json');
  const deadline = Date.now() + LOCK_WAIT_LIMIT_MS;
  let announced = false;
  mkdirSync(STATE_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, since: Date.now() }));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(ownerFile);
    const lockStat = statSync(lockDir, { throwIfNoEntry: false });
    if (!lockStat) continue; // released just now
    // A lock without owner.json is either being created this instant or left by a crash.
    const orphaned = owner ? !isAlive(owner.pid) : Date.now() - lockStat.mtimeMs > 5_000;
    if (orphaned) {
      log(`removing a stale ${type} build lock`);
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the ${type} build lock (${lockDir})`);
    if (!announced) log(`waiting for another ${type} build (pid ${owner?.pid ?? '?'})`);
    announced = true;
    await sleep(LOCK_POLL_MS);
  }
}

function readOwner(ownerFile: string): { pid: number } | undefined {
  try {
    return JSON.parse(readFileSync(ownerFile, 'utf8')) as { pid: number };
  } catch {
    return undefined;
  }
}

function runTaroBuild(type: MiniprogramPlatform, verbose: boolean): Promise<void> {
  const taro = join(ROOT, 'node_modules', '.bin', 'taro');
  // Always a production build: under jest NODE_ENV is "test", which Taro would take as its mode.
  const env = { ...process.env, NODE_ENV: 'production', FORCE_COLOR: '0' };
  delete env.TARO_ENV;
  return new Promise((done, fail) => {
    const child = spawn(taro, ['build', '--type', type], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const collect = (chunk: Buffer) => {
      if (verbose) process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-8_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) return done();
      const output = tail.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim().split('\n').slice(-40).join('\n');
      fail(new Error(`taro build --type ${type} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

const inFlight = new Map<MiniprogramPlatform, Promise<string>>();

/** Builds dist/<type> when it is missing or older than its sources; resolves to its absolute path. */
export function ensureMiniprogramBuilt(type: MiniprogramPlatform, opts: EnsureBuiltOptions = {}): Promise<string> {
  const running = inFlight.get(type);
  if (running) return running;
  const build = buildIfStale(type, opts).finally(() => inFlight.delete(type));
  inFlight.set(type, build);
  return build;
}

async function buildIfStale(type: MiniprogramPlatform, opts: EnsureBuiltOptions): Promise<string> {
  const outputDir = outputDirFor(type);
  if (!opts.force && !staleReason(type)) return outputDir;
  const release = await acquireLock(type);
  try {
    // Another process may have built it while this one waited for the lock.
    const reason = opts.force ? 'forced' : staleReason(type);
    if (!reason) return outputDir;
    log(`building ${type} (${reason}) …`);
    const startedAt = Date.now();
    rmSync(stampPath(type), { force: true });
    await runTaroBuild(type, opts.verbose ?? false);
    writeFileSync(stampPath(type), JSON.stringify({ startedAt, finishedAt: Date.now() }));
    log(`${type} built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s → ${relative(ROOT, outputDir)}`);
    return outputDir;
  } finally {
    release();
  }
}

async function main(argv: string[]): Promise<void> {
  const type = argv.find((arg) => !arg.startsWith('-'));
  if (type !== 'h5' && type !== 'weapp') {
    process.stderr.write('usage: tsx scripts/build-miniprogram.ts h5|weapp [--force]\n');
    process.exitCode = 2;
    return;
  }
  const outputDir = await ensureMiniprogramBuilt(type, { force: argv.includes('--force'), verbose: true });
  process.stdout.write(`${outputDir}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
