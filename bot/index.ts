/**
 * The chat bot: `createBot({ puppet, gatewayUrl, botToken })` returns a Wechaty instance that runs on
 * any puppet (the tests use wechaty-puppet-mock). It talks only to the gateway's HTTP API and keeps
 * its conversations in its own MongoDB connection. `stopBot` stops it and everything it started.
 */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { log as wechatyLog, WechatyBuilder, type Wechaty } from 'wechaty';
import { NoticeBroadcaster } from './broadcast';
import { DEFAULT_SETTINGS, defaultMongoUri, type BotSettings } from './config';
import { ConversationStore } from './conversation-store';
import { openBotDatabase, prepareBotCollections } from './db';
import { bindingDialogue } from './dialogues/binding';
import { bookingsDialogue } from './dialogues/bookings';
import { complaintsDialogue } from './dialogues/complaints';
import { guidesDialogue } from './dialogues/guides';
import { handoffDialogue } from './dialogues/handoff';
import { helpDialogue } from './dialogues/help';
import { noticesDialogue } from './dialogues/notices';
import { DialogueRouter } from './dialogues/router';
import { statusDialogue } from './dialogues/status';
import { GatewayClient } from './gateway-client';
import { createMessageHandler } from './handle-message';
import { createBotLogger } from './logger';
import { ContactRateLimiter, LoginSupervisor, SendPacer } from './safety';
import { createSealer } from './sealed';

type PuppetOption = NonNullable<Parameters<typeof WechatyBuilder.build>[0]> extends infer O ? (O extends { puppet?: infer P } ? P : never) : never;

export interface CreateBotOptions extends Partial<BotSettings> {
  /** A puppet instance, or a puppet module name (wechaty-puppet-service, wechaty-puppet-padlocal, …). */
  puppet: PuppetOption;
  /** Options for a puppet given by name (e.g. `{ token }`). */
  puppetOptions?: Record<string, unknown>;
  gatewayUrl: string;
  botToken: string;
  /** The bot's own database (conversations, broadcasts); default BOT_MONGODB_URI, MONGODB_URI or the embedded one. */
  mongoUri?: string;
  /** An open connection to use instead (not closed by stopBot). */
  connection?: Connection;
  /** Session file name (`<name>.memory-card.json`) so a restart can log in without a new scan. */
  name?: string;
  logger?: Logger;
}

export interface BotRuntime {
  store: ConversationStore;
  supervisor: LoginSupervisor;
  broadcaster: NoticeBroadcaster;
  pacer: SendPacer;
  connection: Connection;
  settings: BotSettings;
}

const runtimes = new WeakMap<Wechaty, BotRuntime & { ownsConnection: boolean; log: Logger; markStopped(): void }>();

/** The services behind a bot made by createBot (for operations and tests). */
export function botRuntime(bot: Wechaty): BotRuntime {
  const runtime = runtimes.get(bot);
  if (!runtime) throw new Error('not a bot made by createBot');
  return runtime;
}

export function createBot(options: CreateBotOptions): Wechaty {
  const settings: BotSettings = { ...DEFAULT_SETTINGS, ...definedOnly(options) };
  const log = options.logger ?? createBotLogger(process.env.BOT_LOG_LEVEL ?? process.env.LOG_LEVEL ?? 'info');
  wechatyLog.level(log.level === 'silent' ? 'silent' : 'warn');
  const ownsConnection = !options.connection;
  const connection = options.connection ?? openBotDatabase(options.mongoUri ?? defaultMongoUri(process.env));

  const bot = WechatyBuilder.build({
    puppet: options.puppet,
    ...(options.puppetOptions ? { puppetOptions: options.puppetOptions } : {}),
    ...(options.name ? { name: options.name } : {}),
  });

  let stopped = false;
  let preparing: Promise<void> | undefined;
  /** The bot's collections, made once before its first read or write; a failure is tried again on next use. */
  const prepared = () =>
    (preparing ??= prepareBotCollections(connection).catch((err: unknown) => {
      preparing = undefined;
      throw err;
    }));

  const client = new GatewayClient({ baseUrl: options.gatewayUrl, botToken: options.botToken });
  const store = new ConversationStore(connection, settings.sessionTtlMs, prepared);
  const pacer = new SendPacer(settings.sendGapMs, () => bot.isLoggedIn, log);
  const limiter = new ContactRateLimiter(settings.ratePerMinute, settings.ratePerHour);
  const supervisor = new LoginSupervisor(bot, settings.reloginGraceMs, log);
  const broadcaster = new NoticeBroadcaster(
    bot,
    client.as('onewindow-broadcast'),
    connection,
    pacer,
    { rooms: settings.broadcastRooms, pollMs: settings.noticePollMs, gapMs: settings.broadcastGapMs, maxAttempts: 3 },
    log,
    new Date(),
  );

  const guides = guidesDialogue();
  const router = new DialogueRouter(
    [
      helpDialogue(),
      guides,
      statusDialogue(),
      bookingsDialogue({ miniProgramLink: settings.miniProgramLink }),
      complaintsDialogue(),
      noticesDialogue(),
      bindingDialogue(),
      handoffDialogue(),
    ],
    guides,
  );
  const handle = createMessageHandler({ client, store, router, sealer: createSealer(options.botToken), limiter, pacer, log });

  bot.on('message', (msg) => {
    handle(msg).catch((err) => log.error({ err: (err as Error)?.message }, 'message handler failed'));
  });
  /** Broadcasts start once the collections exist (retried while the database is away). */
  const startBroadcasts = (attempt = 1): void => {
    prepared().then(
      () => {
        if (!stopped) broadcaster.start();
      },
      (err: unknown) => {
        log.error({ err: (err as Error)?.message, attempt }, 'could not prepare the bot database; trying again');
        if (!stopped) setTimeout(() => startBroadcasts(attempt + 1), Math.min(1000 * attempt, 10_000)).unref();
      },
    );
  };
  bot.on('login', () => startBroadcasts());

  runtimes.set(bot, { store, supervisor, broadcaster, pacer, connection, settings, ownsConnection, log, markStopped: () => (stopped = true) });
  return bot;
}

/** Stops the bot, its timers and queues, and closes the database connection it opened. */
export async function stopBot(bot: Wechaty): Promise<void> {
  const runtime = runtimes.get(bot);
  runtime?.markStopped();
  runtime?.supervisor.stop();
  await runtime?.broadcaster.stop();
  try {
    await bot.stop();
  } finally {
    runtime?.pacer.stop();
    if (runtime?.ownsConnection) await runtime.connection.close();
  }
}

function definedOnly(options: CreateBotOptions): Partial<BotSettings> {
  const keys = Object.keys(DEFAULT_SETTINGS) as Array<keyof BotSettings>;
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]])) as Partial<BotSettings>;
}
