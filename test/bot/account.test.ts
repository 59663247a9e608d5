/**
 * The resident's own matters through the bot: binding the chat user with an SMS code, application
 * status (last-four prompt when not the bound owner), notice subscriptions, bookings.
 */
import { createBookingResident } from '../support/booking-factories';
import { TEST_BOT_TOKEN } from '../support/bot-harness';
import { createStaff } from '../support/factories';
import { startBotWorld, type BotWorld } from './world';

jest.setTimeout(180_000);

const FOOD = '11150622MB1A52861R4000117007000'; // 食品经营许可
const COMPANY = '11150622MB1A52861R4000117003000'; // 企业设立登记, bookable at the banner hall

let world: BotWorld;
let clerk: string;
let phoneSeq = 0;
const nextPhone = () => `1377000${String(++phoneSeq).padStart(4, '0')}`;

/** The gateway as the bot sees a chat user (to check what the bot did). */
const asChatUser = (id: string, method: string, path: string, body?: unknown) =>
  world.gw.request(method, path, { body, headers: { authorization: `Bot ${TEST_BOT_TOKEN}`, 'x-chat-user': id } });

beforeAll(async () => {
  world = await startBotWorld('bot_account');
  clerk = (await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' })).token;
});
afterAll(async () => {
  await world?.stop();
});

async function registerApplication(phone: string): Promise<string> {
  const res = await world.gw.request('POST', '/api/v1/staff/applications', { token: clerk, body: { guideCode: FOOD, applicant: { name: '王小明', phone } } });
  expect(res.status).toBe(201);
  return res.body.number;
}

describe('binding', () => {
  it('binds the chat user to a phone with an SMS code, refusing a wrong code first', async () => {
    const r = world.harness.resident('赵六');
    const phone = nextPhone();
    expect(await r.ask('绑定手机')).toContain('请回复您的手机号');
    const sent = await r.ask(`我的手机是${phone}`);
    expect(sent).toContain(`验证码已发送到${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(sent).not.toContain(phone);
    const code = await world.loginCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await r.ask(wrong)).toContain('验证码不对');
    expect(await r.ask(code)).toContain('绑定成功');
    const me = await asChatUser(r.id, 'GET', '/api/v1/bot/me');
    expect(me.body).toMatchObject({ bound: true, user: { phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` } });

    expect(await r.ask('解绑')).toContain('确认解除');
    expect(await r.ask('确认')).toContain('已解除绑定');
    expect((await asChatUser(r.id, 'GET', '/api/v1/bot/me')).body.bound).toBe(false);
  });
});

describe('application status', () => {
  it('asks an unbound chat user for the last four digits, and answers only with the right ones', async () => {
    const phone = nextPhone();
    const number = await registerApplication(phone);
    const r = world.harness.resident('钱七');
    expect(await r.ask(`查一下 ${number}`)).toContain('手机号的后四位');
    expect(await r.ask('0000')).toContain('没有查到');
    const status = await r.ask(phone.slice(-4));
    expect(status).toContain('【食品经营许可】');
    expect(status).toContain('当前状态：已提交');
    expect(status).not.toContain(phone);
  });

  it('shows a bound resident their own (online) applications at once', async () => {
    const phone = nextPhone();
    const resident = await createBookingResident({ phone });
    const submitted = await world.gw.request('POST', '/api/v1/applications', { token: resident.token, body: { guideCode: FOOD } });
    expect(submitted.status).toBe(201);
    const number = submitted.body.number as string;
    const r = world.harness.resident('孙八');
    await world.bindThroughBot(r, phone);
    const status = await r.ask(`${number}办到哪了`);
    expect(status).toContain(number);
    expect(status).toContain('当前状态');
    const mine = await r.ask('我的办件');
    expect(mine).toContain(number);
  });
});

describe('notice subscriptions', () => {
  it('binds first when needed, then subscribes; picks topics from a list; unsubscribes', async () => {
    const r = world.harness.resident('周九');
    const phone = nextPhone();
    expect(await r.ask('订阅社保通知')).toContain('需要先绑定手机号');
    await r.ask(phone);
    const done = await r.ask(await world.loginCode(phone));
    expect(done).toContain('绑定成功');
    expect(done).toContain('已订阅：社保医保');
    expect((await asChatUser(r.id, 'GET', '/api/v1/me/subscriptions')).body.topics).toEqual(['social_security']);

    const list = await r.ask('订阅');
    expect(list).toContain('1. 社保医保（已订阅）');
    expect(await r.ask('2 3')).toContain('当前订阅：社保医保、农牧业补贴与生产、就业创业');
    expect(await r.ask('取消订阅社保通知')).toContain('当前订阅：农牧业补贴与生产、就业创业');
    expect(await r.ask('退订')).toContain('已退订全部');
    expect((await asChatUser(r.id, 'GET', '/api/v1/me/subscriptions')).body.topics).toEqual([]);
  });
});

describe('bookings', () => {
  it('lists the bound resident\'s bookings, explains how to book, and cancels one after confirmation', async () => {
    const phone = nextPhone();
    const resident = await createBookingResident({ phone });
    const slots = await world.gw.request('GET', `/api/v1/slots?guideCode=${COMPANY}&servicePointId=banner-hall`);
    const slot = slots.body.items.find((s: { bookable: boolean }) => s.bookable);
    expect(slot).toBeTruthy();
    const booked = await world.gw.request('POST', '/api/v1/bookings', { token: resident.token, body: { slotId: slot.id, guideCode: COMPANY } });
    expect(booked.status).toBe(201);

    const r = world.harness.resident('吴十');
    expect(await r.ask('怎么预约')).toContain('小程序');
    expect(await r.ask('我的预约')).toContain('需要先绑定手机号');
    await r.ask(phone);
    const listed = await r.ask(await world.loginCode(phone));
    expect(listed).toContain('企业设立登记');
    expect(listed).toContain(`预约码${booked.body.code}`);
    expect(listed).not.toContain(resident.idNumber);

    expect(await r.ask('取消预约')).toContain('确认取消这个预约吗');
    expect(await r.ask('确认')).toContain('已取消预约');
    const mine = await world.gw.request('GET', '/api/v1/bookings/mine', { token: resident.token });
    expect(mine.body.items[0]).toMatchObject({ id: booked.body.id, status: 'cancelled' });
    expect(await r.ask('我的预约')).toContain('没有待办理的预约');
  });
});
