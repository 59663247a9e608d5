/** Which MongoDB failures the gateway answers with a retryable 503, and which it does not. */
import { MongoNetworkError, MongoServerError, MongoWriteConcernError } from 'mongodb';
import mongoose from 'mongoose';
import { isDatabaseUnavailable, isDuplicateKey } from '../../gateway/db/errors';

const server = (code: number, labels: string[] = []) => {
  const err = new MongoServerError({ code, errmsg: `code ${code}` });
  for (const l of labels) err.addErrorLabel(l);
  return err;
};

it.each([
  ['a primary that stepped down', server(189)],
  ['a write sent to a node that is no longer primary', server(10107)],
  ['an operation cut by the election', server(11602)],
  ['a transaction the driver may retry', server(112, ['TransientTransactionError'])],
  ['a commit whose outcome is unknown', server(50, ['UnknownTransactionCommitResult'])],
  ['a connection the server closed', new MongoNetworkError('connection 9 to 127.0.0.1:27017 closed')],
  ['a pool emptied while the operation waited for a connection', Object.assign(new Error('Connection pool for 127.0.0.1:27017 was cleared because another operation failed with: "connection 1 closed"'), { name: 'MongoPoolClearedError' })],
  ['no server selectable in time', Object.assign(new Error('Server selection timed out after 10000 ms'), { name: 'MongoServerSelectionError' })],
  ['mongoose giving up on a lost connection', Object.assign(new Error('buffering timed out'), { name: 'MongooseServerSelectionError' })],
  ['a majority write cut by a shutdown', new MongoWriteConcernError({ writeConcernError: { code: 91, errmsg: 'shutting down' } } as never)],
])('treats %s as a retryable outage', (_what, err) => {
  expect(isDatabaseUnavailable(err)).toBe(true);
});

it.each([
  ['a duplicate key', server(11000)],
  ['a validation failure', server(121)],
  ['a plain programming error', new TypeError('x is undefined')],
  ['nothing', undefined],
])('does not treat %s as an outage', (_what, err) => {
  expect(isDatabaseUnavailable(err)).toBe(false);
});

it('treats an operation mongoose gave up queueing while the database was away as a retryable outage', async () => {
  // The real error: a connection to a port where no mongod listens, with a short queueing limit.
  const conn = mongoose.createConnection('mongodb://127.0.0.1:1/nowhere', { serverSelectionTimeoutMS: 5000, bufferTimeoutMS: 200 } as never);
  conn.on('error', () => undefined);
  conn.asPromise().catch(() => undefined);
  const err = await conn.model('Thing', new mongoose.Schema({ n: Number })).findOne({}).then(
    () => undefined,
    (e: Error) => e,
  );
  await conn.close(true).catch(() => undefined);
  expect(err).toMatchObject({ name: 'MongooseError', message: expect.stringContaining('buffering timed out') });
  expect(isDatabaseUnavailable(err)).toBe(true);
});

it('recognises a duplicate key', () => {
  expect(isDuplicateKey(server(11000))).toBe(true);
  expect(isDuplicateKey(server(189))).toBe(false);
});
