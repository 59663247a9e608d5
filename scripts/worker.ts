/**
 * `npm run worker`: the background worker alone (SMS delivery and scheduled jobs), for deployments
 * that scale it apart from the gateways. Needs MONGODB_URI (or the embedded database of `npm start`).
 */
import { bootProcess } from './boot';
import { connectDatabase, disconnectDatabase } from '../gateway/db/connection';
import '../gateway/tasks';
import { registeredTasks, startWorker } from '../gateway/worker/runner';

async function main() {
  const { cfg, log } = bootProcess();
  const uri = cfg.mongo.uri ?? `mongodb://127.0.0.1:${cfg.mongo.embeddedPort}/onewindow?directConnection=true`;
  await connectDatabase(uri);
  const worker = startWorker();
  console.log(`[worker] ${worker.id} running: ${registeredTasks().map((t) => t.name).join(', ')}`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    await worker.stop();
    await disconnectDatabase();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(`[worker] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
