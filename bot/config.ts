/**
 * Typed bot configuration, validated once with zod over `process.env`. Development gets a mock
 * puppet and the embedded MongoDB of `npm start`; production refuses to start without a configured
 * puppet, a gateway address and a database.
 */
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The gateway's base address, e.g. http://127.0.0.1:3000 (no trailing /api/v1). */
  GATEWAY_URL: z.url().optional(),
  /** The bot's credential for the gateway (the gateway's BOT_TOKEN). */
  BOT_TOKEN: z.string().min(16, 'must be at least 16 characters (the gateway\'s BOT_TOKEN)'),
  /** Puppet module: wechaty-puppet-wechat4u, wechaty-puppet-padlocal, wechaty-puppet-service, wechaty-puppet-mock, … */
  WECHATY_PUPPET: z.string().min(1).optional(),
  /** Token of wechaty-puppet-service (WeCom and pad protocols through a provider). */
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().min(1).optional(),
  /** Token of wechaty-puppet-padlocal. */
  WECHATY_PUPPET_PADLOCAL_TOKEN: z.string().min(1).optional(),
  /** Name of the bot's session file (`<name>.memory-card.json`), so a restart can log in without a new scan. */
  BOT_NAME: z.string().regex(/^[\w-]{1,40}$/, 'letters, digits, _ and - only').default('onewindow-bot'),
  /** The bot's own database for conversation state (defaults to MONGODB_URI). */
  BOT_MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  EMBEDDED_MONGO_PORT: int(1, 65535).default(27117),
  /** Group chats that receive policy notices: room topics or room ids, comma-separated. */
  BOT_BROADCAST_ROOMS: list,
  /** How residents reach the mini-program (shown when they ask how to book). */
  BOT_MINIPROGRAM_LINK: z.string().min(1).max(200).default('微信搜索小程序“一窗通办”'),
  /** Minutes of silence after which a conversation is forgotten. */
  BOT_SESSION_TTL_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(30),
  /** Messages one contact may send per minute and per hour before the bot stops answering them. */
  BOT_RATE_PER_MINUTE: int(1, 1000).default(12),
  BOT_RATE_PER_HOUR: int(1, 10000).default(120),
  /** Least gap between two messages the bot sends (all conversations together). */
  BOT_SEND_GAP_MS: int(0, 60_000).default(400),
  /** Gap between two broadcast messages (rooms and notices), to look nothing like a mass sender. */
  BOT_BROADCAST_GAP_MS: int(0, 3_600_000).default(15_000),
  /** How often the gateway is asked for new notices. */
  BOT_NOTICE_POLL_SECONDS: z.coerce.number().min(0.05).max(86_400).default(300),
  /** How long to wait for a re-login after a logout before the puppet is restarted. */
  BOT_RELOGIN_GRACE_SECONDS: z.coerce.number().min(0.01).max(3600).default(120),
  BOT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Behaviour settings createBot accepts (everything but the puppet and the gateway). */
export interface BotSettings {
  broadcastRooms: string[];
  miniProgramLink: string;
  sessionTtlMs: number;
  ratePerMinute: number;
  ratePerHour: number;
  sendGapMs: number;
  broadcastGapMs: number;
  noticePollMs: number;
  reloginGraceMs: number;
}

export interface BotConfig extends BotSettings {
  env: 'development' | 'production' | 'test';
  gatewayUrl: string;
  botToken: string;
  puppet: string;
  puppetOptions?: { token: string };
  name: string;
  mongoUri: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export const DEFAULT_SETTINGS: BotSettings = {
  broadcastRooms: [],
  miniProgramLink: '微信搜索小程序“一窗通办”',
  sessionTtlMs: 30 * 60_000,
  ratePerMinute: 12,
  ratePerHour: 120,
  sendGapMs: 400,
  broadcastGapMs: 15_000,
  noticePollMs: 300_000,
  reloginGraceMs: 120_000,
};

/** BOT_MONGODB_URI, else MONGODB_URI, else the embedded MongoDB of `npm start`. */
export function defaultMongoUri(source: NodeJS.ProcessEnv): string {
  return source.BOT_MONGODB_URI || source.MONGODB_URI || `mongodb://127.0.0.1:${source.EMBEDDED_MONGO_PORT || 27117}/onewindow?directConnection=true`;
}

export class BotConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid bot configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws BotConfigError with one readable line per problem. */
export function loadBotConfig(source: NodeJS.ProcessEnv = process.env): BotConfig {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) throw new BotConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !env.WECHATY_PUPPET) problems.push('WECHATY_PUPPET: required in production (e.g. wechaty-puppet-service or wechaty-puppet-padlocal)');
  if (production && env.WECHATY_PUPPET === 'wechaty-puppet-mock') problems.push('WECHATY_PUPPET: the mock puppet is for development and tests only');
  if (production && !env.GATEWAY_URL) problems.push('GATEWAY_URL: required in production');
  if (production && !env.BOT_MONGODB_URI && !env.MONGODB_URI) problems.push('BOT_MONGODB_URI (or MONGODB_URI): required in production');
  const puppet = env.WECHATY_PUPPET ?? 'wechaty-puppet-mock';
  if (puppet === 'wechaty-puppet-service' && !env.WECHATY_PUPPET_SERVICE_TOKEN) problems.push('WECHATY_PUPPET_SERVICE_TOKEN: required with wechaty-puppet-service');
  if (puppet === 'wechaty-puppet-padlocal' && !env.WECHATY_PUPPET_PADLOCAL_TOKEN) problems.push('WECHATY_PUPPET_PADLOCAL_TOKEN: required with wechaty-puppet-padlocal');
  if (problems.length) throw new BotConfigError(problems);
  const token = puppet === 'wechaty-puppet-service' ? env.WECHATY_PUPPET_SERVICE_TOKEN : puppet === 'wechaty-puppet-padlocal' ? env.WECHATY_PUPPET_PADLOCAL_TOKEN : undefined;
  return {
    env: env.NODE_ENV,
    gatewayUrl: (env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    botToken: env.BOT_TOKEN,
    puppet,
    ...(token ? { puppetOptions: { token } } : {}),
    name: env.BOT_NAME,
    mongoUri: defaultMongoUri(raw),
    logLevel: env.BOT_LOG_LEVEL ?? env.LOG_LEVEL,
    broadcastRooms: env.BOT_BROADCAST_ROOMS,
    miniProgramLink: env.BOT_MINIPROGRAM_LINK,
    sessionTtlMs: Math.round(env.BOT_SESSION_TTL_MINUTES * 60_000),
    ratePerMinute: env.BOT_RATE_PER_MINUTE,
    ratePerHour: env.BOT_RATE_PER_HOUR,
    sendGapMs: env.BOT_SEND_GAP_MS,
    broadcastGapMs: env.BOT_BROADCAST_GAP_MS,
    noticePollMs: Math.round(env.BOT_NOTICE_POLL_SECONDS * 1000),
    reloginGraceMs: Math.round(env.BOT_RELOGIN_GRACE_SECONDS * 1000),
  };
}
