/** The bot's own MongoDB connection (conversation state and broadcasts); nothing is shared with the gateway. */
import * as os from 'node:os';
import mongoose, { type Connection, type ConnectOptions } from 'mongoose';
import { botAttachmentModel } from '../models/bot-attachment';
import { botBroadcastModels } from '../models/bot-broadcast';
import { botConversationModel } from '../models/bot-conversation';
import { EXPLICIT_CREATION, prepareCollections } from '../models/prepare';

/**
 * The driver loads `os` for its handshake with a dynamic import(), which fails inside jest's
 * sandbox; handing it the module directly works everywhere. Collections are made by
 * `prepareBotCollections`, not in the background by mongoose.
 */
export function openBotDatabase(uri: string): Connection {
  return mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, maxPoolSize: 10, runtimeAdapters: { os }, ...EXPLICIT_CREATION } as ConnectOptions);
}

/** Makes the bot's collections and indexes (TTL included); the bot reads and writes only after this. */
export async function prepareBotCollections(connection: Connection): Promise<void> {
  const { Broadcast, Cursor } = botBroadcastModels(connection);
  await prepareCollections([botConversationModel(connection), botAttachmentModel(connection), Broadcast, Cursor]);
}
