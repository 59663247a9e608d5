/** An error a test throws on purpose: test/support/env.ts does not report the 500 it causes. */
export class ExpectedTestError extends Error {}
// On the prototype, so that the stack trace (written when the error is made) starts with this name.
ExpectedTestError.prototype.name = 'ExpectedTestError';
