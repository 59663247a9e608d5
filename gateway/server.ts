/**
 * Boots one gateway process on an already-configured environment: database, first administrator,
 * demo data, HTTP server, and (optionally) the background worker. Used by `npm start` and tests.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { config } from '../config/server';
import { createApp } from './app';
import { connectDatabase, disconnectDatabase } from './db/connection';
import { catalogue, watchCatalogue } from './guides/catalogue';
import { ensureAdministrator, type AdminBootstrap } from './identity/bootstrap-admin';
import { logger } from './logger';
import { seedDemoData, type SeedReport } from './seed';
import './tasks';
import { startWorker, type RunningWorker } from './worker/runner';

export interface GatewayOptions {
  mongoUri: string;
  h5Dir?: string;
  host?: string;
  port?: number;
  runWorker?: boolean;
  demoSeed?: boolean;
}

export interface RunningGateway {
  url: string;
  server: Server;
  admin: AdminBootstrap;
  seed?: SeedReport;
  worker?: RunningWorker;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const cfg = config();
  await connectDatabase(options.mongoUri);
  const admin = await ensureAdministrator(cfg);
  const seed = (options.demoSeed ?? cfg.demoSeed) ? await seedDemoData() : undefined;
  // Build the search index before the first request, and keep it fresh.
  await catalogue();
  const catalogueWatch = watchCatalogue();
  const app = createApp({ h5Dir: options.h5Dir });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? cfg.port, options.host ?? cfg.host, () => resolve(s));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 65_000; // longer than common reverse-proxy idle timeouts
  const worker = (options.runWorker ?? cfg.runWorker) ? startWorker() : undefined;
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    server,
    admin,
    seed,
    worker,
    stop() {
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // In-flight requests get a moment to finish; then the rest are cut.
        const grace = setTimeout(() => server.closeAllConnections(), 5000);
        await closed;
        clearTimeout(grace);
        await worker?.stop();
        await catalogueWatch.stop();
        await disconnectDatabase();
        logger().info('gateway stopped');
      })();
      return stopped;
    },
  };
}
