/**
 * `npm run bot`: the chat bot, built from configuration (bot/config.ts): the puppet named by
 * WECHATY_PUPPET (with its token), the gateway at GATEWAY_URL with BOT_TOKEN, and its own MongoDB
 * for conversations. Production needs a real puppet; development defaults to the mock puppet and
 * then reads lines from stdin as a resident's messages, so the dialogues can be tried in a terminal.
 * SIGINT/SIGTERM stop it cleanly.
 */
import { createInterface } from 'node:readline';
import { createBot, stopBot, type CreateBotOptions } from '../bot';
import { BotConfigError, loadBotConfig, type BotConfig } from '../bot/config';
import { GatewayClient, isGatewayError } from '../bot/gateway-client';
import { createBotLogger } from '../bot/logger';

/** Refuses to start with a BOT_TOKEN the gateway does not accept (a clear message instead of failed replies). */
async function checkGateway(cfg: BotConfig): Promise<string | undefined> {
  try {
    await new GatewayClient({ baseUrl: cfg.gatewayUrl, botToken: cfg.botToken, timeoutMs: 5000 }).as('onewindow-startup-check').botMe();
    return undefined;
  } catch (err) {
    if (isGatewayError(err) && err.code === 'auth.bot_invalid') return `the gateway at ${cfg.gatewayUrl} does not accept this BOT_TOKEN (set the same value on both)`;
    if (isGatewayError(err) && err.status === 0) return `the gateway at ${cfg.gatewayUrl} is not reachable yet; replies will say the system is busy until it is`;
    return undefined;
  }
}

/** Development console on the mock puppet: stdin lines are a resident's messages, replies go to stdout. */
async function mockConsole(): Promise<{ puppet: CreateBotOptions['puppet']; attach: (bot: ReturnType<typeof createBot>) => Promise<void> }> {
  const { mock, PuppetMock } = await import('wechaty-puppet-mock');
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  return {
    puppet,
    async attach() {
      const me = mocker.createContact({ id: 'dev-bot', name: '政务小助手' });
      const resident = mocker.createContact({ id: 'dev-resident', name: '开发者' });
      resident.on('message', (m: { payload: { talkerId: string; text?: string } }) => {
        if (m.payload.talkerId === me.id) process.stdout.write(`\n${m.payload.text}\n> `);
      });
      mocker.login(me);
      process.stdout.write('[bot] mock puppet: type a message as a resident (e.g. 开饭店要办什么证); Ctrl+C to stop.\n> ');
      createInterface({ input: process.stdin }).on('line', (line) => {
        if (line.trim()) resident.say(line.trim()).to(me);
      });
    },
  };
}

async function main() {
  let cfg: BotConfig;
  try {
    cfg = loadBotConfig();
  } catch (err) {
    if (err instanceof BotConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createBotLogger(cfg.logLevel);
  const problem = await checkGateway(cfg);
  if (problem?.includes('does not accept')) {
    console.error(`[bot] ${problem}`);
    process.exit(1);
  }
  if (problem) log.warn(problem);

  const console_ = cfg.puppet === 'wechaty-puppet-mock' ? await mockConsole() : undefined;
  const { env: _env, logLevel: _level, puppet, puppetOptions, name, ...rest } = cfg;
  const bot = createBot({
    ...rest,
    puppet: console_?.puppet ?? (puppet as CreateBotOptions['puppet']),
    ...(puppetOptions ? { puppetOptions } : {}),
    // The mock puppet has no session worth keeping on disk.
    ...(console_ ? {} : { name }),
    logger: log,
  });
  try {
    await bot.start();
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    console.error(`[bot] the puppet ${cfg.puppet} did not start: ${message}`);
    if (/Cannot find (module|package)/.test(message)) console.error(`[bot] install it first: npm install ${cfg.puppet}`);
    await stopBot(bot).catch(() => undefined);
    process.exit(1);
  }
  console.log(`[bot] started with ${cfg.puppet}; gateway ${cfg.gatewayUrl}; broadcasts to ${cfg.broadcastRooms.length ? cfg.broadcastRooms.join(', ') : 'no groups'}`);
  await console_?.attach(bot);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'bot stopping');
    await stopBot(bot).catch((err) => log.error({ err: (err as Error)?.message }, 'stop failed'));
    console.log('[bot] stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('[bot] failed to start:', (err as Error)?.message ?? err);
  process.exit(1);
});
