/**
 * Typed server configuration, validated once at boot with zod over `process.env`.
 * Development gets safe defaults (secrets generated and kept under DATA_DIR); production refuses
 * to start without real secrets. Every other module reads configuration through `config()`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** A base64 (or hex) secret of at least 32 bytes. */
const secret = z
  .string()
  .refine((v) => decodeSecret(v).length >= 32, 'must be at least 32 bytes, base64 or hex encoded');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_BASE_URL: z.url().optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),
  EMBEDDED_MONGO_PORT: z.coerce.number().int().min(1).max(65535).default(27117),
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_SEED: bool.optional(),
  ADMIN_USERNAME: z.string().min(3).max(32).default('admin'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  RUN_WORKER: bool.default(true),
  /** How long a stopping process waits for requests, jobs and sends in flight before it exits anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(1).max(600).default(20),
  SERVE_H5: bool.default(true),
  SMS_PROVIDER: z.enum(['console', 'aliyun']).default('console'),
  ALIYUN_SMS_ENDPOINT: z.string().default('dysmsapi.aliyuncs.com'),
  ALIYUN_SMS_PROTOCOL: z.enum(['https', 'http']).default('https'),
  ALIYUN_ACCESS_KEY_ID: z.string().optional(),
  ALIYUN_ACCESS_KEY_SECRET: z.string().optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().default('一窗通办'),
  SMS_TEMPLATE_CODES: z
    .string()
    .default('{}')
    .transform((v, ctx) => {
      try {
        const parsed = JSON.parse(v);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, string>;
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object like {"login_code":"SMS_123456"}' });
      return z.NEVER;
    }),
  SMS_QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'must look like 21:00-08:00 (UTC+8), or be empty to disable')
    .optional(),
  SMS_DAILY_CAP_PER_NUMBER: z.coerce.number().int().min(1).default(50),
  SMS_MAX_TRIES: z.coerce.number().int().min(1).max(20).default(6),
  SMS_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).default(30),
  SMS_TIMEOUT_MS: z.coerce.number().int().min(200).default(5000),
  SMS_LEASE_SECONDS: z.coerce.number().min(1).default(60),
  SMS_CALLBACK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  BOT_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TOKEN_SECRET: secret.optional(),
  DATA_ENCRYPTION_KEY: secret.optional(),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: bool.default(false),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  publicBaseUrl: string;
  mongo: { uri?: string; embeddedPort: number };
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  demoSeed: boolean;
  admin: { username: string; password?: string };
  runWorker: boolean;
  shutdownGraceMs: number;
  serveH5: boolean;
  sms: {
    provider: Env['SMS_PROVIDER'];
    aliyun: { endpoint: string; protocol: 'https' | 'http'; accessKeyId?: string; accessKeySecret?: string; signName: string };
    /** Provider template code per message kind (defaults to OW_<KIND>). */
    templateCodes: Record<string, string>;
    /** Policy notices wait outside these hours (UTC+8); undefined = no quiet hours. */
    quietHours?: { start: string; end: string };
    dailyCapPerNumber: number;
    maxTries: number;
    retryBaseSeconds: number;
    timeoutMs: number;
    /** How long a worker holds a claimed message before others may recover it. */
    leaseMs: number;
    /** Shared secret the receipt and reply pushes must present. */
    callbackSecret?: string;
  };
  wechat: { appId?: string; secret?: string; apiBase: string };
  botToken?: string;
  secrets: { tokenKey: Buffer; dataKey: Buffer };
  corsOrigins: string[];
  /** Trust X-Forwarded-For from a reverse proxy (client addresses for rate limits). */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function decodeSecret(value: string): Buffer {
  return /^[0-9a-f]+$/i.test(value) && value.length % 2 === 0 ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
}

/** Development secrets live in DATA_DIR/secrets.json, made once, so tokens survive restarts. */
function developmentSecrets(dataDir: string): { TOKEN_SECRET: string; DATA_ENCRYPTION_KEY: string } {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const made = { TOKEN_SECRET: randomBytes(32).toString('base64'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(made, null, 2), { mode: 0o600 });
  return made;
}

/** Parses and checks the environment; throws ConfigError listing one readable line per problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR);
  if (production) {
    if (!env.TOKEN_SECRET) problems.push('TOKEN_SECRET: required in production (32+ random bytes, base64)');
    if (!env.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY: required in production (32+ random bytes, base64)');
    if (!env.MONGODB_URI) problems.push('MONGODB_URI: required in production (a replica set)');
  }
  if (env.SMS_PROVIDER === 'aliyun') {
    if (!env.ALIYUN_ACCESS_KEY_ID) problems.push('ALIYUN_ACCESS_KEY_ID: required when SMS_PROVIDER=aliyun');
    if (!env.ALIYUN_ACCESS_KEY_SECRET) problems.push('ALIYUN_ACCESS_KEY_SECRET: required when SMS_PROVIDER=aliyun');
    const loopback = /^(127\.|localhost|\[::1\])/.test(env.ALIYUN_SMS_ENDPOINT);
    if (env.ALIYUN_SMS_PROTOCOL === 'http' && !loopback) {
      problems.push('ALIYUN_SMS_PROTOCOL: http is allowed only for a loopback endpoint');
    }
  }
  if (production && !env.SMS_CALLBACK_SECRET) problems.push('SMS_CALLBACK_SECRET: required in production (receipt and reply pushes)');
  if (problems.length) throw new ConfigError(problems);
  const generated = !env.TOKEN_SECRET || !env.DATA_ENCRYPTION_KEY ? developmentSecrets(dataDir) : undefined;
  return {
    env: env.NODE_ENV,
    isProduction: production,
    host: env.HOST,
    port: env.PORT,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://${env.HOST}:${env.PORT}`,
    mongo: { uri: env.MONGODB_URI, embeddedPort: env.EMBEDDED_MONGO_PORT },
    dataDir,
    logLevel: env.LOG_LEVEL,
    demoSeed: env.DEMO_SEED ?? !env.MONGODB_URI,
    admin: { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD },
    runWorker: env.RUN_WORKER,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    serveH5: env.SERVE_H5,
    sms: {
      provider: env.SMS_PROVIDER,
      aliyun: {
        endpoint: env.ALIYUN_SMS_ENDPOINT,
        protocol: env.ALIYUN_SMS_PROTOCOL,
        accessKeyId: env.ALIYUN_ACCESS_KEY_ID,
        accessKeySecret: env.ALIYUN_ACCESS_KEY_SECRET,
        signName: env.ALIYUN_SMS_SIGN_NAME,
      },
      templateCodes: env.SMS_TEMPLATE_CODES,
      quietHours: (() => {
        const value = source.SMS_QUIET_HOURS === undefined ? '21:00-08:00' : env.SMS_QUIET_HOURS;
        if (!value) return undefined;
        const [start, end] = value.split('-');
        return { start, end };
      })(),
      dailyCapPerNumber: env.SMS_DAILY_CAP_PER_NUMBER,
      maxTries: env.SMS_MAX_TRIES,
      retryBaseSeconds: env.SMS_RETRY_BASE_SECONDS,
      timeoutMs: env.SMS_TIMEOUT_MS,
      leaseMs: env.SMS_LEASE_SECONDS * 1000,
      callbackSecret: env.SMS_CALLBACK_SECRET,
    },
    wechat: { appId: env.WECHAT_APPID, secret: env.WECHAT_SECRET, apiBase: env.WECHAT_API_BASE },
    botToken: env.BOT_TOKEN,
    secrets: {
      tokenKey: decodeSecret(env.TOKEN_SECRET ?? generated!.TOKEN_SECRET),
      dataKey: decodeSecret(env.DATA_ENCRYPTION_KEY ?? generated!.DATA_ENCRYPTION_KEY),
    },
    corsOrigins: env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: env.TRUST_PROXY,
  };
}

let current: Config | undefined;

/** The configuration in force (loaded from process.env on first use). */
export function config(): Config {
  return (current ??= loadConfig());
}

/** Installs a configuration (boot code and tests that start a gateway with their own settings). */
export function useConfig(next: Config): Config {
  current = next;
  return next;
}
