/**
 * One bot test world: a real gateway (demo data, BOT_TOKEN, SMS through the Aliyun fake) and the
 * real bot on the mock puppet with its own database. Bot tests import gateway test helpers; the bot
 * code itself imports nothing from the gateway.
 */
import { seedDemoData } from '../../gateway/seed';
import { BotHarness, TEST_BOT_TOKEN, type ChatResident, type HarnessOptions } from '../support/bot-harness';
import { testDatabaseUri } from '../support/db';
import type { FakeAliyun } from '../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { deliverQueuedSms, startSmsFake } from '../support/sms';

export interface BotWorld {
  gw: TestGateway;
  sms: FakeAliyun;
  botDb: string;
  harness: BotHarness;
  startBot(options?: Partial<HarnessOptions>): Promise<BotHarness>;
  /** Delivers queued SMS and returns the newest login code sent to a phone. */
  loginCode(phone: string): Promise<string>;
  /** Binds a resident's chat user to a phone through the bot's dialogue. */
  bindThroughBot(resident: ChatResident, phone: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startBotWorld(label: string, botOptions: Partial<HarnessOptions> = {}): Promise<BotWorld> {
  const { fake, env } = await startSmsFake();
  const gw = await startTestGateway({ label, env: { ...env, BOT_TOKEN: TEST_BOT_TOKEN } });
  await seedDemoData();
  const botDb = testDatabaseUri(`${label}_bot`);
  const startBot = (options: Partial<HarnessOptions> = {}) =>
    BotHarness.start({ gatewayUrl: gw.url, botToken: TEST_BOT_TOKEN, mongoUri: botDb, ...botOptions, ...options });
  const world: BotWorld = {
    gw,
    sms: fake,
    botDb,
    harness: await startBot(),
    startBot,
    async loginCode(phone) {
      await deliverQueuedSms();
      const msg = [...fake.sent].reverse().find((m) => m.phone === phone && m.templateCode === 'OW_LOGIN_CODE');
      if (!msg) throw new Error(`no login code was sent to ${phone}`);
      return msg.params.code;
    },
    async bindThroughBot(resident, phone) {
      const asked = await resident.ask('绑定手机');
      expect(asked).toContain('手机号');
      const sent = await resident.ask(phone);
      expect(sent).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      const bound = await resident.ask(await world.loginCode(phone));
      expect(bound).toContain('绑定成功');
    },
    async stop() {
      await world.harness.stop().catch(() => undefined);
      await gw.stop();
      await fake.close();
    },
  };
  return world;
}
