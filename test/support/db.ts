/**
 * Each test file gets its own database on the shared replica set. The destructive helpers refuse
 * to run outside tests.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { connectDatabase, disconnectDatabase } from '../../gateway/db/connection';

function assertTest(): void {
  if (process.env.NODE_ENV !== 'test') throw new Error('test database helpers run only with NODE_ENV=test');
}

/** A URI to a fresh, uniquely named database on the shared test server. */
export function testDatabaseUri(label = 'test'): string {
  assertTest();
  const base = process.env.ONEWINDOW_TEST_MONGO_URI;
  if (!base) throw new Error('ONEWINDOW_TEST_MONGO_URI is not set: run tests through jest (global setup)');
  const url = new URL(base);
  url.pathname = `/${label.replace(/[^a-z0-9]/gi, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

export async function connectTestDatabase(label?: string): Promise<string> {
  const uri = testDatabaseUri(label);
  await connectDatabase(uri);
  return uri;
}

/** Drops the current test database and disconnects. */
export async function dropTestDatabase(): Promise<void> {
  assertTest();
  if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
  await disconnectDatabase();
}

/** Empties every collection (between tests in one file). */
export async function clearCollections(): Promise<void> {
  assertTest();
  const db = mongoose.connection.db;
  if (!db) return;
  const collections = await db.collections();
  await Promise.all(collections.map((c) => c.deleteMany({})));
}
