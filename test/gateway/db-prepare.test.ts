/**
 * Collections and indexes are made by the code that connects, all of them, before anything is read
 * or written; never in the background by mongoose, and never left to whichever write comes first.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { prepareBotCollections, openBotDatabase } from '../../bot/db';
import { connectDatabase, disconnectDatabase } from '../../gateway/db/connection';
import { prepareCollections } from '../../models/prepare';
import { GATEWAY_MODELS } from '../../models/registry';
import { testDatabaseUri } from '../support/db';

const names = async (db: mongoose.mongo.Db) => (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
const indexKeys = async (db: mongoose.mongo.Db, collection: string) => (await db.collection(collection).indexes()).map((i) => ({ key: i.key, unique: i.unique ?? false, ttl: i.expireAfterSeconds }));

describe('the gateway database', () => {
  afterAll(async () => {
    if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
    await disconnectDatabase();
  });

  it('has every collection and index of the registry once a process connects', async () => {
    await connectDatabase(testDatabaseUri('prepare'));
    const db = mongoose.connection.db!;
    const expected = [...GATEWAY_MODELS.map((m) => m.collection.collectionName), 'uploads.chunks', 'uploads.files'].sort();
    expect(await names(db)).toEqual(expected);
    expect(GATEWAY_MODELS).toHaveLength(23);
    expect(await indexKeys(db, 'messages')).toEqual(expect.arrayContaining([{ key: { dedupeKey: 1 }, unique: true, ttl: undefined }, { key: { phoneHash: 1, createdAt: -1 }, unique: false, ttl: undefined }]));
    // The indexes GridFS would otherwise make on the first upload.
    expect(await indexKeys(db, 'uploads.chunks')).toEqual(expect.arrayContaining([{ key: { files_id: 1, n: 1 }, unique: true, ttl: undefined }]));
    expect(await indexKeys(db, 'uploads.files')).toEqual(expect.arrayContaining([{ key: { filename: 1, uploadDate: 1 }, unique: false, ttl: undefined }]));
  });

  it('is not given collections in the background by mongoose', async () => {
    const Scratch = mongoose.model('PrepareScratch', new mongoose.Schema({ at: { type: Date, index: true } }), 'prepare_scratch');
    await new Promise((r) => setTimeout(r, 500));
    expect(await names(mongoose.connection.db!)).not.toContain('prepare_scratch');
    await prepareCollections([Scratch]);
    expect(await names(mongoose.connection.db!)).toContain('prepare_scratch');
    expect(await indexKeys(mongoose.connection.db!, 'prepare_scratch')).toEqual(expect.arrayContaining([{ key: { at: 1 }, unique: false, ttl: undefined }]));
    mongoose.deleteModel('PrepareScratch');
  });
});

it('lists every model the models folder defines in the registry', async () => {
  const folder = join(__dirname, '../../models');
  const defined: string[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const exports = (await import(join(folder, file))) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value === 'function' && 'modelName' in value && 'schema' in value) defined.push(String(value.modelName));
    }
  }
  expect([...new Set(defined)].sort()).toEqual(GATEWAY_MODELS.map((m) => m.modelName).sort());
});

it("prepares the bot's collections, TTL indexes included, only when asked", async () => {
  const connection = openBotDatabase(testDatabaseUri('bot_prepare'));
  try {
    await connection.asPromise();
    await prepareBotCollections(connection);
    const db = connection.db!;
    expect(await names(db)).toEqual(['bot_attachments', 'bot_broadcast_cursors', 'bot_broadcasts', 'bot_conversations'].sort());
    expect(await indexKeys(db, 'bot_conversations')).toEqual(expect.arrayContaining([{ key: { expiresAt: 1 }, unique: false, ttl: 0 }]));
    // Prepared again (a restart): nothing changes, nothing fails.
    await prepareBotCollections(connection);
    expect(await names(db)).toHaveLength(4);
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
});

it('fails only after every model has finished, so a retry never overlaps work in flight', async () => {
  const finished: string[] = [];
  const model = (name: string, ms: number, fail?: Error) =>
    ({
      createCollection: async () => {
        await new Promise((r) => setTimeout(r, ms));
        if (fail) throw fail;
      },
      createIndexes: async () => void finished.push(name),
    }) as unknown as mongoose.Model<any>;
  const broken = new Error('no primary');
  await expect(prepareCollections([model('fails-first', 10, broken), model('slow', 300)])).rejects.toBe(broken);
  expect(finished).toEqual(['slow']);
});
