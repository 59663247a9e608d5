/**
 * Finds a mongod binary for the embedded database and the test suite, in this order:
 * MONGOMS_SYSTEM_BINARY → a `mongod` on PATH → mongodb-memory-server's own download (cached
 * by it) → the Wine fallback provisioned once per machine. (MONGODB_URI, checked by callers
 * first, skips all of this.)
 */
import { execFileSync } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureWineMongod, WINE_MONGOD_VERSION } from './wine-fallback';

export interface MongodBinary {
  /** Absolute path of the executable, or undefined to let mongodb-memory-server use its download. */
  systemBinary?: string;
  /** The MongoDB version mongodb-memory-server should expect. */
  version: string;
  /** Where it came from, for the progress line. */
  source: 'MONGOMS_SYSTEM_BINARY' | 'PATH' | 'download' | 'wine';
}

const DOWNLOAD_HOST = 'fastdl.mongodb.org';
const DOWNLOAD_VERSION = '7.0.15';

/** The per-machine cache folder (override with ONEWINDOW_CACHE_DIR). */
export function cacheDir(): string {
  return process.env.ONEWINDOW_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'onewindow');
}

function versionOf(binary: string): string | undefined {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    return /db version v(\d+\.\d+\.\d+)/.exec(out)?.[1];
  } catch {
    return undefined;
  }
}

function onPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v mongod'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function downloadReachable(): Promise<boolean> {
  if (process.env.MONGOMS_DISABLE_DOWNLOAD === '1') return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000).unref());
  return Promise.race([lookup(DOWNLOAD_HOST).then(() => true, () => false), timeout]);
}

async function downloaded(): Promise<string | undefined> {
  const { MongoBinary } = await import('mongodb-memory-server');
  try {
    return await MongoBinary.getPath({ version: DOWNLOAD_VERSION });
  } catch (err) {
    process.stderr.write(`[mongod] download failed: ${(err as Error).message.split('\n')[0]}\n`);
    return undefined;
  }
}

let cached: Promise<MongodBinary> | undefined;

/** Resolves once per process; provisioning prints its progress on stderr. */
export function locateMongod(): Promise<MongodBinary> {
  cached ??= (async (): Promise<MongodBinary> => {
    const explicit = process.env.MONGOMS_SYSTEM_BINARY;
    if (explicit) {
      const version = versionOf(explicit);
      if (!version) throw new Error(`MONGOMS_SYSTEM_BINARY=${explicit} does not answer --version`);
      return { systemBinary: explicit, version, source: 'MONGOMS_SYSTEM_BINARY' };
    }
    const path = onPath();
    const pathVersion = path && versionOf(path);
    if (path && pathVersion) return { systemBinary: path, version: pathVersion, source: 'PATH' };
    if (await downloadReachable()) {
      const binary = await downloaded();
      if (binary) return { systemBinary: binary, version: DOWNLOAD_VERSION, source: 'download' };
    }
    return { systemBinary: ensureWineMongod(cacheDir()), version: WINE_MONGOD_VERSION, source: 'wine' };
  })();
  return cached;
}
