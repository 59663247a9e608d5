/**
 * `npm start`: the whole service on one machine. Uses MONGODB_URI when set, otherwise an embedded
 * MongoDB replica set keeping its data under DATA_DIR; builds and serves the H5 app; runs the worker.
 */
import { join } from 'node:path';
import { bootProcess } from './boot';
import { stopOnSignals } from './shutdown';
import { DEMO_STAFF_PASSWORD, demoStaff } from '../gateway/seed';
import { startGateway } from '../gateway/server';
import { ensureMiniprogramBuilt } from './build-miniprogram';
import { startEmbeddedMongo, type EmbeddedMongo } from './mongod/embedded';

async function main() {
  const { cfg, log } = bootProcess();
  let embedded: EmbeddedMongo | undefined;
  let mongoUri = cfg.mongo.uri;
  if (!mongoUri) {
    console.error(`[start] MONGODB_URI is not set: starting the embedded MongoDB (data in ${join(cfg.dataDir, 'mongodb')})…`);
    embedded = await startEmbeddedMongo({ dbPath: join(cfg.dataDir, 'mongodb'), port: cfg.mongo.embeddedPort, restartOnExit: true });
    mongoUri = embedded.uri;
  }
  let h5Dir: string | undefined;
  if (cfg.serveH5) {
    try {
      h5Dir = await ensureMiniprogramBuilt('h5');
    } catch (err) {
      log.error({ err }, 'building the H5 mini-program failed; serving the API only');
    }
  }
  const gateway = await startGateway({ mongoUri, h5Dir });
  const lines = [
    '',
    `  一窗通办 OneWindow is running at ${gateway.url}`,
    `    H5 app        ${gateway.url}/${h5Dir ? '' : '   (not built)'}`,
    `    API docs      ${gateway.url}/api/v1/docs`,
    `    health        ${gateway.url}/healthz     metrics ${gateway.url}/metrics`,
    `    database      ${embedded ? `embedded MongoDB (${mongoUri})` : 'MONGODB_URI'}`,
    `    worker        ${gateway.worker ? 'running in this process' : 'off (run `npm run worker`)'}`,
  ];
  if (gateway.admin.generatedPassword) {
    lines.push(`    administrator ${gateway.admin.username} / ${gateway.admin.generatedPassword}   (saved in ${gateway.admin.passwordFile})`);
  }
  if (gateway.seed?.seeded || cfg.demoSeed) {
    lines.push(`    demo staff    ${demoStaff.map((s) => s.username).join(', ')} — password ${DEMO_STAFF_PASSWORD}`);
  }
  console.log(lines.join('\n') + '\n');

  stopOnSignals(log, cfg.shutdownGraceMs, [
    { name: 'gateway', run: () => gateway.stop(), pending: () => ({ tasks: gateway.worker?.busy() }) },
    ...(embedded ? [{ name: 'embedded MongoDB', run: () => embedded!.stop() }] : []),
  ]);
}

main().catch((err) => {
  console.error(`[start] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
