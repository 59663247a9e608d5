/**
 * `npm run bot` (scripts/bot.ts) as a process: refuses a BOT_TOKEN the gateway does not accept,
 * runs on the mock puppet with a terminal console outside production, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { loadBotConfig } from '../../bot/config';
import { TEST_BOT_TOKEN } from '../support/bot-harness';
import { testDatabaseUri } from '../support/db';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { seedDemoData } from '../../gateway/seed';

jest.setTimeout(180_000);

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ label: 'bot_script', env: { BOT_TOKEN: TEST_BOT_TOKEN } });
  await seedDemoData();
});
afterAll(async () => {
  await gw?.stop();
});

function runBot(env: Record<string, string>) {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/bot.ts'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', GATEWAY_URL: gw.url, BOT_MONGODB_URI: testDatabaseUri('bot_script_state'), BOT_SEND_GAP_MS: '0', ...env },
  }) as ChildProcessWithoutNullStreams;
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = async (text: string, timeoutMs = 90_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!out.includes(text)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; output:\n${out.slice(-2000)}`);
      if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before "${text}"; output:\n${out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, exited, waitFor, output: () => out };
}

it('refuses to start with a token the gateway does not accept', async () => {
  const bot = runBot({ BOT_TOKEN: 'not-the-gateway-token-000' });
  expect(await bot.exited).toBe(1);
  expect(bot.output()).toContain('does not accept this BOT_TOKEN');
});

it('answers a resident typed in the development console and stops on SIGTERM', async () => {
  const bot = runBot({ BOT_TOKEN: TEST_BOT_TOKEN });
  try {
    await bot.waitFor('type a message as a resident');
    bot.child.stdin.write('开饭店要办什么证\n');
    await bot.waitFor('【食品经营许可】');
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('[bot] stopped');
  } finally {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
  }
});

describe('configuration', () => {
  const base = { BOT_TOKEN: TEST_BOT_TOKEN };

  it('defaults to the mock puppet outside production', () => {
    expect(loadBotConfig({ ...base, NODE_ENV: 'development' })).toMatchObject({ puppet: 'wechaty-puppet-mock', gatewayUrl: 'http://127.0.0.1:3000', sessionTtlMs: 30 * 60_000 });
  });

  it('refuses production without a real puppet, its token, a gateway and a database, one line each', () => {
    expect(() => loadBotConfig({ ...base, NODE_ENV: 'production' })).toThrow(/WECHATY_PUPPET: required in production[\s\S]*GATEWAY_URL[\s\S]*BOT_MONGODB_URI/);
    expect(() => loadBotConfig({ ...base, NODE_ENV: 'production', WECHATY_PUPPET: 'wechaty-puppet-mock', GATEWAY_URL: 'https://gw.example', MONGODB_URI: 'mongodb://db/x' })).toThrow(/mock puppet is for development/);
    expect(() => loadBotConfig({ ...base, WECHATY_PUPPET: 'wechaty-puppet-service' })).toThrow(/WECHATY_PUPPET_SERVICE_TOKEN: required/);
    expect(() => loadBotConfig({ BOT_TOKEN: 'short' })).toThrow(/BOT_TOKEN: must be at least 16/);
  });

  it('passes the puppet token and reads the groups and limits', () => {
    const cfg = loadBotConfig({ ...base, WECHATY_PUPPET: 'wechaty-puppet-service', WECHATY_PUPPET_SERVICE_TOKEN: 'puppet_service_token', BOT_BROADCAST_ROOMS: '政务通知群, 123@chatroom', BOT_RATE_PER_MINUTE: '5' });
    expect(cfg).toMatchObject({ puppetOptions: { token: 'puppet_service_token' }, broadcastRooms: ['政务通知群', '123@chatroom'], ratePerMinute: 5 });
  });
});
