/**
 * The bot as a long-running account: a restart mid-dialogue resumes it, conversations expire after
 * inactivity, group chats get answers only when the bot is mentioned, policy notices are broadcast
 * to configured groups (paced, never twice, not even after a restart), contacts are rate-limited,
 * its own messages are ignored, and a logout leads to a restart and a working re-login.
 */
import { createStaff } from '../support/factories';
import { BotHarness } from '../support/bot-harness';
import { startBotWorld, type BotWorld } from './world';

jest.setTimeout(180_000);

let world: BotWorld;
let supervisor: string;
let phoneSeq = 0;
const nextPhone = () => `1366000${String(++phoneSeq).padStart(4, '0')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  world = await startBotWorld('bot_life');
  supervisor = (await createStaff(['supervisor'])).token;
});
afterAll(async () => {
  await world?.stop();
});

async function publishNotice(title: string) {
  const res = await world.gw.request('POST', '/api/v1/staff/notices', {
    token: supervisor,
    body: { title, body: `${title}：即日起至月底，符合条件的居民可到苏木乡镇便民服务大厅申请。`, smsSummary: '详见政务服务中心通知', audience: { type: 'all' } },
  });
  expect(res.status).toBe(201);
  return res.body;
}

it('resumes a dialogue after a restart on the same database (binding: phone before, code after)', async () => {
  const phone = nextPhone();
  const before = world.harness.resident('郑一', 'contact-restart-1');
  await before.ask('绑定手机');
  expect(await before.ask(phone)).toContain('验证码已发送');
  await world.harness.stop();

  world.harness = await world.startBot();
  const after = world.harness.resident('郑一', 'contact-restart-1');
  expect(await after.ask(await world.loginCode(phone))).toContain('绑定成功');
});

it('forgets a dialogue after the session lifetime of inactivity', async () => {
  const h = await world.startBot({ sessionTtlMs: 1500 });
  try {
    const r = h.resident('冯二');
    expect(await r.ask('查一下 BJ250101-ABCDEFGH')).toContain('后四位');
    await sleep(2000);
    expect(await r.ask('1234')).toContain('没听明白');
    // MongoDB removes expired conversations by itself too.
    const indexes = await h.runtime.connection.collection('bot_conversations').indexes();
    expect(indexes.find((i) => i.key.expiresAt === 1)).toMatchObject({ expireAfterSeconds: 0 });
  } finally {
    await h.stop();
  }
});

describe('group chats', () => {
  it('answers only when mentioned, and keeps personal matters to private chats', async () => {
    const a = world.harness.resident('陈三');
    const b = world.harness.resident('褚四');
    const room = world.harness.room('沙圪堵镇居民群', [a, b]);
    await room.say(a, '开饭店要办什么证', { mention: false, expectReply: false });
    const answer = await room.say(a, '开饭店要办什么证');
    expect(answer).toContain('【食品经营许可】');
    expect(await room.say(a, '要带什么材料')).toContain('需要准备');
    expect(await room.say(b, '我的预约')).toContain('请加我为好友后私聊');
    expect(await room.say(b, '查一下 BJ250101-ABCDEFGH')).toContain('私聊');
  });
});

it('ignores its own messages', async () => {
  const r = world.harness.resident('卫五');
  const contact = await world.harness.bot.Contact.find({ id: r.id });
  await contact!.say('帮助');
  await sleep(1500);
  // Only the message the bot itself sent: no answer to it (an answer would go to the bot itself).
  expect(r.received).toEqual(['帮助']);
  expect(world.harness.selfTalk).toEqual([]);
});

it('rate-limits a contact: tells them once, then stays silent', async () => {
  const h = await world.startBot({ ratePerMinute: 3 });
  try {
    const r = h.resident('蒋六');
    for (let i = 0; i < 3; i++) expect(await r.ask('你好')).toContain('小助手');
    expect(await r.ask('你好')).toContain('太快');
    await r.sayUnanswered('你好');
    // Other residents are not affected.
    expect(await h.resident('沈七').ask('你好')).toContain('小助手');
  } finally {
    await h.stop();
  }
});

it('restarts the puppet after a logout that does not come back, and answers again after re-login', async () => {
  const h = await world.startBot({ reloginGraceMs: 300 });
  try {
    await h.puppet.logout('test: session kicked');
    const deadline = Date.now() + 15_000;
    while (h.runtime.supervisor.stats.restarts < 1 && Date.now() < deadline) await sleep(50);
    expect(h.runtime.supervisor.stats).toMatchObject({ logouts: 1, restarts: 1 });
    await h.login();
    expect(await h.resident('韩八').ask('你好')).toContain('小助手');
  } finally {
    await h.stop();
  }
});

describe('policy notice broadcasts', () => {
  let h: BotHarness;
  const ROOMS = ['政务通知一群', '政务通知二群'];

  afterAll(async () => {
    await h?.stop().catch(() => undefined);
  });

  it('posts a new notice to each configured group, paced, once — also across a restart', async () => {
    const options = { broadcastRooms: ROOMS, noticePollMs: 200, broadcastGapMs: 800 };
    h = await world.startBot(options);
    const member = h.resident('杨九', 'contact-broadcast-1');
    const rooms = ROOMS.map((topic, i) => h.room(topic, [member], `broadcast${i}@chatroom`));
    const other = h.room('不相关的群', [member]);

    const notice = await publishNotice('2025年耕地地力保护补贴开始申报');
    const first = await rooms[0].waitForPost(0);
    const second = await rooms[1].waitForPost(0);
    expect(first).toContain(`【政策通知】${notice.title}`);
    expect(second).toContain(`【政策通知】${notice.title}`);
    // Paced: the second group hears it a gap after the first.
    expect(rooms[1].receivedAt[0] - rooms[0].receivedAt[0]).toBeGreaterThanOrEqual(700);
    await sleep(1000);
    expect(rooms.map((r) => r.received.length)).toEqual([1, 1]);
    expect(other.received).toEqual([]);

    // A restart re-reads the notices and sends nothing twice; a newer notice goes out once.
    await h.stop();
    h = await world.startBot(options);
    const member2 = h.resident('杨九', 'contact-broadcast-1');
    const rooms2 = ROOMS.map((topic, i) => h.room(topic, [member2], `broadcast${i}@chatroom`));
    await sleep(1500);
    expect(rooms2.map((r) => r.received.length)).toEqual([0, 0]);
    const later = await publishNotice('城区部分路段停水通知');
    expect(await rooms2[0].waitForPost(0)).toContain(later.title);
    expect(await rooms2[1].waitForPost(0)).toContain(later.title);
    await sleep(1000);
    expect(rooms2.map((r) => r.received.length)).toEqual([1, 1]);
  });
});
