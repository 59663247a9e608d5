/** Runs before every test file: a quiet, test-only environment with its own secrets. */
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.TOKEN_SECRET ??= Buffer.alloc(32, 7).toString('base64');
process.env.DATA_ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.DEMO_SEED ??= 'false';
process.env.RUN_WORKER ??= 'false';
process.env.SERVE_H5 ??= 'false';
