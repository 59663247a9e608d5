/**
 * The embedded MongoDB (used by `npm start` without MONGODB_URI, and by the test run itself) starts
 * a crashed mongod again on the same port with the same data, and says so; a hung one is killed and
 * started again; a stop it was asked for is not a crash.
 */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../scripts/mongod/embedded';

jest.setTimeout(180_000);

let mongo: EmbeddedMongo | undefined;
afterAll(() => mongo?.stop());

/** The pid of the mongod listening on `port` (the Linux binary, or the Windows one under Wine). */
function mongodPid(port: string): number {
  const out = execFileSync('pgrep', ['-f', `[m]ongod.*--port ${port}( |$)`], { encoding: 'utf8' }).trim();
  const pids = out.split('\n').map(Number).filter(Boolean);
  expect(pids).toHaveLength(1);
  return pids[0];
}

it('starts a mongod that crashed again, on its port and with its data', async () => {
  mongo = await startEmbeddedMongo({ restartOnExit: true, dbName: 'crash' });
  const port = new URL(mongo.uri.replace(/^mongodb:/, 'http:')).port;
  const client = new MongoClient(mongo.uri, { runtimeAdapters: { os } } as never);
  try {
    await client.db().collection('bookings').insertOne({ _id: 'kept' as never, seats: 1 }, { writeConcern: { w: 'majority', j: true } });
    // The benchmark counts the database's CPU through these ids.
    expect(mongo.pids()).toEqual([mongodPid(port)]);
    process.kill(mongodPid(port), 'SIGKILL');

    // The driver waits for the server to come back; the write after the crash goes through.
    await client.db().collection('bookings').insertOne({ _id: 'after' as never, seats: 1 });
    expect((await client.db().collection('bookings').find().sort({ _id: 1 }).toArray()).map((b) => b._id)).toEqual(['after', 'kept']);
    const exits = mongo.exits();
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ port: Number(port), signal: 'SIGKILL', restarted: true });
    expect(exits[0].tail.length).toBeGreaterThan(0);
    expect(mongo.pids()).toEqual([mongodPid(port)]);
  } finally {
    await client.close();
  }
  await mongo.stop();
  expect(mongo.exits()).toHaveLength(1);
  mongo = undefined;
});

it('kills a mongod that hangs, and starts it again with its data', async () => {
  mongo = await startEmbeddedMongo({ restartOnExit: true, stallMs: 10_000, dbName: 'hang' });
  const port = new URL(mongo.uri.replace(/^mongodb:/, 'http:')).port;
  const client = new MongoClient(mongo.uri, { runtimeAdapters: { os }, serverSelectionTimeoutMS: 60_000 } as never);
  try {
    await client.db().collection('bookings').insertOne({ _id: 'kept' as never }, { writeConcern: { w: 'majority', j: true } });
    // A hang: the process is there and answers nothing.
    process.kill(mongodPid(port), 'SIGSTOP');
    // A write sent into the hang waits; when the hung process is killed it either fails as a lost
    // connection (the gateway answers 503 and the client retries) or is retried onto the new one.
    const during = await client.db().collection('bookings').insertOne({ _id: 'during' as never }).then(() => 'written', (e: Error) => e.name);
    expect(['written', 'MongoNetworkError', 'MongoServerSelectionError']).toContain(during);
    const deadline = Date.now() + 60_000;
    while (!mongo.exits()[0]?.restarted && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    await client.db().collection('bookings').insertOne({ _id: 'after' as never });
    const ids = (await client.db().collection('bookings').find().sort({ _id: 1 }).toArray()).map((b) => b._id);
    expect(ids).toEqual(during === 'written' ? ['after', 'during', 'kept'] : ['after', 'kept']);
    const exits = mongo.exits();
    expect(exits).toHaveLength(1);
    expect(exits[0]).toMatchObject({ port: Number(port), signal: 'SIGKILL', restarted: true });
    expect(exits[0].stalledMs).toBeGreaterThanOrEqual(10_000);
  } finally {
    await client.close();
  }
  await mongo.stop();
  mongo = undefined;
});
