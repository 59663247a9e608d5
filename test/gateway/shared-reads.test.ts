/** Reads shared by concurrent requests: one query per crowd, the right document for each, nothing cached. */
import mongoose from 'mongoose';
import { sharedReads } from '../../gateway/db/shared-reads';
import { connectTestDatabase, dropTestDatabase } from '../support/db';

interface Doc {
  key: string;
  n: number;
}

const docs = () => mongoose.connection.db!.collection<Doc>('shared_reads');
let queries: string[][];
const read = (maxBatchSize?: number) =>
  sharedReads<Doc>({
    fetch: (keys) => {
      queries.push(keys);
      return docs().find({ key: { $in: keys } }, { projection: { _id: 0 } }).toArray();
    },
    keyOf: (d) => d.key,
    maxBatchSize,
  });

beforeAll(async () => {
  await connectTestDatabase('shared_reads');
  await docs().insertMany(Array.from({ length: 300 }, (_, n) => ({ key: `k${n}`, n })));
});
afterAll(dropTestDatabase);
beforeEach(() => {
  queries = [];
});

it('answers requests made together from one query, each with its own document or null', async () => {
  const byKey = read();
  const asked = ['k1', 'k2', 'k1', 'missing', 'k299', 'k2'];
  const answers = await Promise.all(asked.map((k) => byKey(k)));
  expect(answers).toEqual([{ key: 'k1', n: 1 }, { key: 'k2', n: 2 }, { key: 'k1', n: 1 }, null, { key: 'k299', n: 299 }, { key: 'k2', n: 2 }]);
  expect(queries).toEqual([['k1', 'k2', 'missing', 'k299']]);
});

it('shares among requests that arrive from different callbacks in the same turn, as parsed sockets do', async () => {
  const byKey = read();
  const answers = await new Promise<Array<Doc | null>>((resolve) => {
    const pending: Array<Promise<Doc | null>> = [];
    // Three I/O-like callbacks in one turn, each with its own microtasks drained in between.
    for (const k of ['k3', 'k4', 'k5']) setImmediate(() => pending.push(Promise.resolve().then(() => byKey(k))));
    setImmediate(() => void Promise.all(pending).then(resolve));
  });
  expect(answers.map((d) => d?.n)).toEqual([3, 4, 5]);
  expect(queries).toEqual([['k3', 'k4', 'k5']]);
});

it('splits a large crowd over queries of at most maxBatchSize keys', async () => {
  const byKey = read(100);
  const answers = await Promise.all(Array.from({ length: 250 }, (_, n) => byKey(`k${n}`)));
  expect(answers.map((d) => d!.n)).toEqual(Array.from({ length: 250 }, (_, n) => n));
  expect(queries.map((q) => q.length)).toEqual([100, 100, 50]);
});

it('keeps nothing: a read after a change sees the change', async () => {
  const byKey = read();
  expect((await byKey('k7'))!.n).toBe(7);
  await docs().updateOne({ key: 'k7' }, { $set: { n: 70 } });
  expect((await byKey('k7'))!.n).toBe(70);
  expect(queries).toEqual([['k7'], ['k7']]);
});

it('fails every request of a failed query with its error, and the next crowd reads again', async () => {
  let fail = true;
  const byKey = sharedReads<Doc>({
    fetch: async (keys) => {
      queries.push(keys);
      if (fail) throw Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed'), { name: 'MongoNetworkError' });
      return docs().find({ key: { $in: keys } }).toArray();
    },
    keyOf: (d) => d.key,
  });
  const failed = await Promise.allSettled([byKey('k1'), byKey('k2')]);
  expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect((failed[0] as PromiseRejectedResult).reason.name).toBe('MongoNetworkError');
  fail = false;
  expect((await byKey('k1'))!.n).toBe(1);
  expect(queries).toHaveLength(2);
});
