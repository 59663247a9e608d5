/**
 * Starts a single-node MongoDB replica set through mongodb-memory-server, so that transactions
 * and change streams work exactly as on a production replica set.
 */
import { mkdirSync } from 'node:fs';
import type { MongoMemoryReplSet } from 'mongodb-memory-server';
import { locateMongod } from './locate';
import { watchMembers, type MemberExit } from './member-watch';

export type { MemberExit } from './member-watch';

export interface EmbeddedMongo {
  uri: string;
  /** Members that exited while nobody asked them to, with their last log lines. */
  exits(): MemberExit[];
  /** The operating-system ids of the running members' processes (the benchmark counts their CPU). */
  pids(): number[];
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Keep data here across restarts; omit for a throw-away database (tests). */
  dbPath?: string;
  /** A persistent replica set must come back on the port its configuration names. */
  port?: number;
  /** Database name in the returned URI. */
  dbName?: string;
  /** How many members (the scale-out test uses three). */
  members?: number;
  /** Start a member again (same port, same data) when it exits unasked, or kill and start again one that hangs. */
  restartOnExit?: boolean;
  /** How long a member may answer no ping before it counts as hung (default 60 s). */
  stallMs?: number;
}

/** A bounded WiredTiger cache: the default takes half the machine's memory per mongod. */
const CACHE_ARGS = ['--wiredTigerCacheSizeGB', process.env.EMBEDDED_MONGO_CACHE_GB ?? '1'];

export async function startEmbeddedMongo(options: EmbeddedOptions = {}): Promise<EmbeddedMongo> {
  const binary = await locateMongod();
  // Its version is known (asked with a time limit when it was located, or fixed by the Wine
  // fallback's checksum). Left to itself, mongodb-memory-server asks again at every start with a
  // synchronous spawn and no time limit, which stops this whole process when the Wine-run build hangs.
  if (binary.systemBinary) process.env.MONGOMS_SYSTEM_BINARY_VERSION_CHECK ??= 'false';
  const { MongoMemoryReplSet } = await import('mongodb-memory-server');
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const replSet: MongoMemoryReplSet = await MongoMemoryReplSet.create({
    binary: { systemBinary: binary.systemBinary, version: binary.version },
    replSet: { count: options.members ?? 1, storageEngine: 'wiredTiger', name: 'onewindow' },
    instanceOpts: options.dbPath
      ? [{ dbPath: options.dbPath, port: options.port, storageEngine: 'wiredTiger', launchTimeout: 60_000, args: CACHE_ARGS }]
      : Array.from({ length: options.members ?? 1 }, () => ({ launchTimeout: 60_000, args: CACHE_ARGS })),
  });
  await replSet.waitUntilRunning();
  const watch = watchMembers(replSet.servers, { restart: options.restartOnExit ?? false, stallMs: options.stallMs });
  return {
    uri: replSet.getUri(options.dbName ?? 'onewindow'),
    exits: () => watch.exits,
    pids: () => replSet.servers.flatMap((server) => server.instanceInfo?.instance.mongodProcess?.pid ?? []),
    async stop() {
      await watch.stopping();
      // doCleanup false keeps a persistent dbPath; throw-away folders are removed.
      await replSet.stop({ doCleanup: !options.dbPath, force: false });
    },
  };
}
