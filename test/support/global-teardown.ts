import { readFileSync, rmSync } from 'node:fs';
import type { EmbeddedMongo } from '../../scripts/mongod/embedded';

export default async function globalTeardown(): Promise<void> {
  const mongo = (globalThis as { __ONEWINDOW_MONGO__?: EmbeddedMongo }).__ONEWINDOW_MONGO__;
  for (const exit of mongo?.exits() ?? []) {
    process.stderr.write(`\n[test] the test mongod (port ${exit.port}) exited unasked at ${exit.at.toISOString()} (code ${exit.code}, signal ${exit.signal}; ${exit.restarted ? 'started again' : 'not started again'}); ${exit.reason ? `it said: ${exit.reason}` : `its last lines:\n${exit.tail.slice(-5).join('\n')}`}\n`);
  }
  const log = process.env.ONEWINDOW_TEST_500_LOG;
  if (log) {
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    if (lines.length) process.stderr.write(`\n[test] ${lines.length} request(s) answered with an unexpected 500:\n${lines.slice(0, 20).join('\n')}\n`);
    rmSync(log, { force: true });
  }
  await mongo?.stop();
}
