/**
 * One jest run, three projects (gateway, bot, miniprogram), one real MongoDB replica set shared by
 * the run (started in test/support/global-setup.ts; each test file uses its own database).
 */
const transform = { '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }] };

const project = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  roots: [`<rootDir>/test/${name}`],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform,
  setupFiles: ['<rootDir>/test/support/env.ts'],
  ...extra,
});

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [project('gateway'), project('bot'), project('miniprogram')],
};
