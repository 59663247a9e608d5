/** What every server process does first: load the configuration (or say what is wrong and exit) and set up logging. */
import { ConfigError, loadConfig, useConfig, type Config } from '../config/server';
import { createLogger, useLogger } from '../gateway/logger';

export function bootProcess(): { cfg: Config; log: ReturnType<typeof useLogger> } {
  let cfg: Config;
  try {
    cfg = useConfig(loadConfig());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  return { cfg, log: useLogger(createLogger(cfg.logLevel)) };
}
