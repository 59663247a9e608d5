/** The mongoose connection: connect, make indexes, ping for health, disconnect. */
import * as os from 'node:os';
import mongoose, { type ConnectOptions } from 'mongoose';

mongoose.set('strictQuery', true);
// Fail fast instead of queueing requests for 10 s while the database is away.
mongoose.set('bufferTimeoutMS', 3000);

/**
 * Options for every MongoDB client we open. The driver (7.6+) loads `os` for its handshake with a
 * dynamic import(), which fails inside jest's sandbox and leaves the handshake without the required
 * `driver` field; handing it the module directly works everywhere.
 */
export function mongoClientOptions(extra: ConnectOptions = {}): ConnectOptions {
  return { serverSelectionTimeoutMS: 10_000, maxPoolSize: 50, ...extra, runtimeAdapters: { os } } as ConnectOptions;
}

export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  await mongoose.connect(uri, mongoClientOptions());
  // Indexes exist before the first request (unique and capacity rules depend on them).
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  return mongoose;
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
