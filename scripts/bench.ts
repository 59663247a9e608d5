/**
 * `npm run bench`: performance figures, each beside a baseline measured in the same run on the same
 * machine (these machines are shared and noisy; absolute numbers mean little, ratios travel).
 * Writes bench-results.json ([{name, value, unit, baseline, ratio}]) and prints a table.
 * BENCHMARKS.md explains the method and keeps the latest figures. `BENCH_ONLY=http,sms` runs a subset.
 */
import { writeFileSync } from 'node:fs';
import mongoose from 'mongoose';
import { loadConfig, useConfig } from '../config/server';
import { connectDatabase } from '../gateway/db/connection';
import { createLogger, useLogger } from '../gateway/logger';
import { results, sectionEnabled } from './bench/figures';
import { benchBookingBurst, benchSlotListing } from './bench/bookings';
import { benchBot } from './bench/bot';
import { benchGuides, benchStatusQuery } from './bench/http';
import { benchSearchQuality } from './bench/search-quality';
import { startChild } from './bench/servers';
import { benchSms } from './bench/sms';
import { startEmbeddedMongo } from './mongod/embedded';

async function main() {
  const mongo = await startEmbeddedMongo();
  const env = {
    NODE_ENV: 'test',
    MONGODB_URI: mongo.uri.replace('/onewindow?', '/bench?'),
    LOG_LEVEL: 'warn',
    TOKEN_SECRET: Buffer.alloc(32, 3).toString('base64'),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64'),
    STATUS_QUERY_LIMIT_PER_MINUTE: '100000000',
    STATUS_QUERY_LIMIT_PER_HOUR: '100000000',
    // Load comes from one address; requests name the resident's own (X-Forwarded-For), as behind a proxy.
    TRUST_PROXY: 'true',
    BOT_TOKEN: 'bench-bot-token-0123456789abcdef',
  };
  Object.assign(process.env, env);
  useConfig(loadConfig());
  useLogger(createLogger('warn'));
  const gateway = await startChild('scripts/bench/gateway-server.ts', env, (process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean));
  const bare = await startChild('scripts/bench/bare-koa.ts', {});
  await connectDatabase(env.MONGODB_URI);
  const http = { gateway, bare };
  try {
    if (sectionEnabled('quality')) await benchSearchQuality();
    if (sectionEnabled('http')) await benchGuides(http);
    if (sectionEnabled('status')) await benchStatusQuery(http);
    if (sectionEnabled('slots')) await benchSlotListing(http);
    if (sectionEnabled('booking')) await benchBookingBurst(http);
    if (sectionEnabled('sms')) await benchSms(mongo.pids());
    if (sectionEnabled('bot')) await benchBot({ gateway, botToken: env.BOT_TOKEN, mongoUri: env.MONGODB_URI });
  } finally {
    await gateway.stop();
    await bare.stop();
    await mongoose.disconnect();
    await mongo.stop();
  }
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench-results.json');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
