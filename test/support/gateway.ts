/**
 * Starts a real gateway (real HTTP, real MongoDB) for a test file, on its own database, and
 * offers a tiny JSON client for it.
 */
import mongoose from 'mongoose';
import { loadConfig, useConfig, type Config } from '../../config/server';
import { mongoClientOptions } from '../../gateway/db/connection';
import { useSmsProvider } from '../../gateway/notifications/providers';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../gateway/server';
import { testDatabaseUri } from './db';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestGateway {
  url: string;
  config: Config;
  gateway: RunningGateway;
  mongoUri: string;
  request<T = any>(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestGateway(
  options: { env?: Record<string, string>; label?: string } & Partial<Omit<GatewayOptions, 'mongoUri'>> = {},
): Promise<TestGateway> {
  const cfg = useConfig(loadConfig({ ...process.env, ...options.env }));
  useSmsProvider(undefined); // rebuilt from this configuration on first use
  const mongoUri = testDatabaseUri(options.label ?? 'gw');
  const gateway = await startGateway({ host: '127.0.0.1', port: 0, runWorker: false, demoSeed: false, ...options, mongoUri });
  const request: TestGateway['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(gateway.url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as any, text };
  };
  return {
    url: gateway.url,
    config: cfg,
    gateway,
    mongoUri,
    request,
    async stop() {
      // Stopped first: a write still in flight after the drop would create its collection again,
      // and two at once would create the same one concurrently (which crashes the Wine-run mongod).
      await gateway.stop();
      const client = new mongoose.mongo.MongoClient(mongoUri, mongoClientOptions() as mongoose.mongo.MongoClientOptions);
      try {
        await client.db().dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
