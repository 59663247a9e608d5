/** The mongoose connection: connect, make indexes, ping for health, disconnect. */
import * as os from 'node:os';
import mongoose, { type ConnectOptions } from 'mongoose';
import { EXPLICIT_CREATION, prepareCollections } from '../../models/prepare';
import { GATEWAY_MODELS, prepareUploadCollections } from '../../models/registry';
import { logger } from '../logger';
import { isDatabaseUnavailable } from './errors';

mongoose.set('strictQuery', true);
// Fail fast instead of queueing requests for 10 s while the database is away.
mongoose.set('bufferTimeoutMS', 3000);
// connectDatabase makes collections and indexes itself, before the first request (see models/prepare).
mongoose.set('autoCreate', EXPLICIT_CREATION.autoCreate);
mongoose.set('autoIndex', EXPLICIT_CREATION.autoIndex);

/**
 * Options for every MongoDB client we open. The driver (7.6+) loads `os` for its handshake with a
 * dynamic import(), which fails inside jest's sandbox and leaves the handshake without the required
 * `driver` field; handing it the module directly works everywhere.
 */
export function mongoClientOptions(extra: ConnectOptions = {}): ConnectOptions {
  return { serverSelectionTimeoutMS: 10_000, maxPoolSize: 50, ...extra, runtimeAdapters: { os } } as ConnectOptions;
}

class StartTimeout extends Error {}

/** Rejects with StartTimeout when `work` takes longer than `ms`. */
function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartTimeout(`index builds did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Connects and makes sure every collection and index exists before the first request (unique and
 * capacity rules depend on them). A process that starts while the database is away or electing a
 * primary waits for it (up to `waitMs`) instead of exiting: gateways and workers may start before
 * their database.
 */
export async function connectDatabase(uri: string, waitMs = 120_000): Promise<typeof mongoose> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      if (mongoose.connection.readyState === 0) await mongoose.connect(uri, mongoClientOptions());
      // Every model of the database, not only those this process's imports registered. An index
      // build waits for every voting member; one that stalls must not hang the start for ever.
      const models = new Set([...GATEWAY_MODELS, ...Object.values(mongoose.models)]);
      await withinMs(
        prepareCollections(models).then(() => prepareUploadCollections(mongoose.connection.db!)),
        Math.min(60_000, Math.max(1000, deadline - Date.now())),
      );
      return mongoose;
    } catch (err) {
      if (!(isDatabaseUnavailable(err) || err instanceof StartTimeout) || Date.now() > deadline) throw err;
      if (err instanceof StartTimeout) await mongoose.disconnect().catch(() => undefined);
      logger().warn({ attempt, reason: (err as Error).message }, 'database not ready; retrying');
      await new Promise((r) => setTimeout(r, Math.min(1000 * attempt, 5000)));
    }
  }
}

export async function pingDatabase(timeoutMs = 1500): Promise<boolean> {
  const db = mongoose.connection.db;
  if (mongoose.connection.readyState !== 1 || !db) return false;
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([db.admin().ping().then(() => true, () => false), timeout]);
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
