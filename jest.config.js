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
  // One worker in CI: the suite shares one mongod (under Wine where no native build can be had),
  // browsers and Taro builds on 2 cores; parallel workers there only add load, not speed.
  maxWorkers: process.env.CI ? 1 : 2,
  // A run that has finished must end even if a child process or socket outlived its test (a CI run
  // once waited on such a handle until its time ran out). Every test stops what it starts; this is
  // the backstop, not the plan.
  forceExit: true,
  projects: [project('gateway'), project('bot'), project('miniprogram')],
};
