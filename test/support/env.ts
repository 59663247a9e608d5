/** Runs before every test file: a quiet, test-only environment with its own secrets. */
import { appendFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger, useLogger } from '../../gateway/logger';

process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.TOKEN_SECRET ??= Buffer.alloc(32, 7).toString('base64');
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.DEMO_SEED ??= 'false';
process.env.RUN_WORKER ??= 'false';
process.env.SERVE_H5 ??= 'false';

/**
 * Quiet, except for what a failing test needs explained: a request answered with an unexpected 500
 * prints one line (the error and where it was thrown) to stderr, and the global teardown lists them
 * again at the end of the run, where a CI log's tail shows them. Errors a test throws on purpose are
 * named `ExpectedTestError` and left out.
 */
if (!process.env.TEST_LOG_LEVEL) {
  const unexpected = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const entry = JSON.parse(chunk.toString()) as { msg?: string; code?: string; err?: { message?: string; stack?: string } };
      if (entry.msg === 'request failed' && entry.code === 'internal') {
        const stack = (entry.err?.stack ?? '').split('\n').slice(0, 3).map((l) => l.trim()).join(' | ');
        if (!stack.startsWith('ExpectedTestError')) {
          const line = `[gateway 500] ${(typeof expect === 'undefined' ? undefined : expect.getState().currentTestName) ?? 'outside a test'}: ${stack || entry.err?.message}\n`;
          process.stderr.write(line);
          if (process.env.ONEWINDOW_TEST_500_LOG) appendFileSync(process.env.ONEWINDOW_TEST_500_LOG, line);
        }
      }
      done();
    },
  });
  useLogger(createLogger('error', unexpected));
}
