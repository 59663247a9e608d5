/** The gateway as the benchmark runs it: the given MongoDB, demo data, no worker, no H5. */
import { loadConfig, useConfig } from '../../config/server';
import { createLogger, useLogger } from '../../gateway/logger';
import { startGateway } from '../../gateway/server';

async function main() {
  const cfg = useConfig(loadConfig());
  useLogger(createLogger(cfg.logLevel));
  const gw = await startGateway({ mongoUri: cfg.mongo.uri!, port: 0, runWorker: false, demoSeed: true });
  console.log(`LISTENING ${gw.url}`);
  process.on('SIGTERM', () => void gw.stop().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
