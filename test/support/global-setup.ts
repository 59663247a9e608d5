/**
 * Starts the one real mongod (a single-node replica set) the whole run shares, unless
 * MONGODB_URI points at one already. Provisioning, when needed, prints its progress.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMongo } from '../../scripts/mongod/embedded';

export default async function globalSetup(): Promise<void> {
  // Requests answered with an unexpected 500 (test/support/env.ts), listed again by the teardown.
  process.env.ONEWINDOW_TEST_500_LOG = join(tmpdir(), `onewindow-test-500s-${process.pid}.log`);
  writeFileSync(process.env.ONEWINDOW_TEST_500_LOG, '');
  if (process.env.MONGODB_URI) {
    process.env.ONEWINDOW_TEST_MONGO_URI = process.env.MONGODB_URI;
    return;
  }
  const started = Date.now();
  // A mongod that crashes or hangs (the Wine-run build can, under load) is started again on its port
  // and data, so it costs the tests running at that moment a reconnect, not the rest of the run.
  const mongo = await startEmbeddedMongo({ restartOnExit: true, stallMs: 30_000 });
  process.env.ONEWINDOW_TEST_MONGO_URI = mongo.uri;
  (globalThis as { __ONEWINDOW_MONGO__?: typeof mongo }).__ONEWINDOW_MONGO__ = mongo;
  process.stderr.write(`\n[test] MongoDB replica set ready at ${mongo.uri} (${Date.now() - started} ms)\n`);
}
