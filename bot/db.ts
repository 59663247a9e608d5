/** The bot's own MongoDB connection (conversation state and broadcasts); nothing is shared with the gateway. */
import * as os from 'node:os';
import mongoose, { type Connection, type ConnectOptions } from 'mongoose';

/**
 * The driver loads `os` for its handshake with a dynamic import(), which fails inside jest's
 * sandbox; handing it the module directly works everywhere.
 */
export function openBotDatabase(uri: string): Connection {
  return mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, maxPoolSize: 10, runtimeAdapters: { os } } as ConnectOptions);
}
