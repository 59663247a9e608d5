/**
 * `npm run worker`: the background worker alone (SMS delivery and scheduled jobs), for deployments
 * that scale it apart from the gateways. Needs MONGODB_URI (or the embedded database of `npm start`).
 */
import { bootProcess } from './boot';
import { stopOnSignals } from './shutdown';
import { connectDatabase, disconnectDatabase } from '../gateway/db/connection';
import '../gateway/tasks';
import { registeredTasks, startWorker } from '../gateway/worker/runner';

async function main() {
  const { cfg, log } = bootProcess();
  const uri = cfg.mongo.uri ?? `mongodb://127.0.0.1:${cfg.mongo.embeddedPort}/onewindow?directConnection=true`;
  await connectDatabase(uri);
  const worker = startWorker();
  console.log(`[worker] ${worker.id} running: ${registeredTasks().map((t) => t.name).join(', ')}`);
  stopOnSignals(log, cfg.shutdownGraceMs, [
    { name: 'worker', run: () => worker.stop(), pending: () => ({ tasks: worker.busy() }) },
    { name: 'database', run: () => disconnectDatabase() },
  ]);
}

main().catch((err) => {
  console.error(`[worker] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
