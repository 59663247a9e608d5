/**
 * Complaints through the bot: the whole conversation (type → category → content → photo → phone →
 * confirmation → tracking number), the item visible to staff with its photo, following it with the
 * phone's last four digits (or at once for a bound resident), and "转人工" opening a consultation
 * that carries the recent conversation for staff.
 */
import { ComplaintModel } from '../../models/complaint';
import { createStaff } from '../support/factories';
import { startBotWorld, type BotWorld } from './world';

jest.setTimeout(180_000);

let world: BotWorld;
let supervisor: string;
let phoneSeq = 0;
const nextPhone = () => `1355000${String(++phoneSeq).padStart(4, '0')}`;
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
const ID_NUMBER = '150622199001011234';

beforeAll(async () => {
  world = await startBotWorld('bot_complaints');
  supervisor = (await createStaff(['supervisor'])).token;
});
afterAll(async () => {
  await world?.stop();
});

const staffView = async (trackingNumber: string) => {
  const res = await world.gw.request('GET', `/api/v1/staff/complaints/${trackingNumber}`, { token: supervisor });
  expect(res.status).toBe(200);
  return res.body;
};

it('files a complaint as a conversation, visible to staff with its photo, and follows it', async () => {
  const r = world.harness.resident('朱一');
  const phone = nextPhone();
  const categories = await r.ask('我要投诉');
  expect(categories).toContain('请选择投诉类别');
  expect(categories).toContain('1. 服务态度');
  expect(await r.ask('1')).toContain('请用一段话说明');
  const content = `上周三在市场准入窗口办营业执照，工作人员态度很差，让我来回跑了三趟。我的身份证号${ID_NUMBER}`;
  expect(await r.ask(content)).toContain('有照片');
  expect(await r.sendPhoto('window.png')).toContain('已收到第1张照片');
  expect(await r.ask('好了')).toContain('联系电话');
  const confirm = await r.ask(phone);
  expect(confirm).toContain('请确认投诉内容');
  expect(confirm).toContain('类别：服务态度');
  expect(confirm).toContain(masked(phone));
  expect(confirm).toContain('照片：1张');
  expect(confirm).not.toContain(ID_NUMBER);
  expect(confirm).not.toContain(phone);

  const filed = await r.ask('确认');
  const trackingNumber = filed.match(/受理编号：(TS\w+)/)?.[1];
  expect(trackingNumber).toBeTruthy();
  expect(filed).not.toContain('照片上传没有成功');

  // Staff see it: from the bot channel, the resident's words (numbers masked), the photo, the phone masked.
  const staffList = await world.gw.request('GET', '/api/v1/staff/complaints', { token: supervisor });
  expect(JSON.stringify(staffList.body)).toContain(trackingNumber);
  const item = await staffView(trackingNumber!);
  expect(item).toMatchObject({ type: 'complaint', category: 'attitude', channel: 'bot' });
  expect(item.content).toContain('来回跑了三趟');
  expect(JSON.stringify(item)).not.toContain(ID_NUMBER);
  expect(item.photos).toHaveLength(1);

  expect(await r.ask(`查投诉 ${trackingNumber}`)).toContain('后四位');
  const followed = await r.ask(phone.slice(-4));
  expect(followed).toContain(`受理编号：${trackingNumber}`);
  expect(followed).toContain('状态：已收到');

  // Staff answer; the resident reads the answer.
  expect((await world.gw.request('POST', `/api/v1/staff/complaints/${trackingNumber}/acknowledge`, { token: supervisor, body: {} })).status).toBe(200);
  const reply = await world.gw.request('POST', `/api/v1/staff/complaints/${trackingNumber}/reply`, { token: supervisor, body: { text: '已约谈窗口工作人员并通报批评，感谢您的监督。' } });
  expect(reply.status).toBe(200);
  await r.ask(`查投诉 ${trackingNumber}`);
  expect(await r.ask(phone.slice(-4))).toContain('答复：已约谈窗口工作人员');
});

it('takes a suggestion from a bound resident without asking for a phone, and lists their items', async () => {
  const r = world.harness.resident('何四');
  const phone = nextPhone();
  await world.bindThroughBot(r, phone);
  expect(await r.ask('我想提个建议')).toContain('请用一段话说明');
  expect(await r.ask('小程序预约页面能不能显示每个时段还剩几个号')).toContain('有照片');
  const confirm = await r.ask('没有');
  expect(confirm).toContain('请确认建议内容');
  expect(confirm).toContain('已绑定的手机号');
  const trackingNumber = (await r.ask('确认')).match(/受理编号：(TS\w+)/)?.[1];
  expect(trackingNumber).toBeTruthy();
  expect(await staffView(trackingNumber!)).toMatchObject({ type: 'suggestion', category: 'system_fault' });
  // A bound resident follows their own items without the last four digits.
  expect(await r.ask(`查投诉 ${trackingNumber}`)).toContain('状态：已收到');
  expect(await r.ask('我的投诉')).toContain(trackingNumber);
});

it('lets the resident give up before anything is filed', async () => {
  const r = world.harness.resident('秦二');
  expect(await r.ask('我要反映问题')).toContain('1. 投诉');
  expect(await r.ask('1')).toContain('请选择投诉类别');
  expect(await r.ask('取消')).toContain('已结束');
  expect(await r.ask('2')).toContain('没听明白');
});

it('"转人工" opens a consultation carrying the recent conversation, numbers masked', async () => {
  const r = world.harness.resident('尤三');
  const phone = nextPhone();
  await r.ask('开饭店要办什么证');
  await r.ask('我家在薛家湾，电话13912345678，能在镇上办吗');
  expect(await r.ask('转人工')).toContain('联系电话');
  const opened = await r.ask(phone);
  const trackingNumber = opened.match(/编号：(TS\w+)/)?.[1];
  expect(opened).toContain('已为您转人工');
  const item = await staffView(trackingNumber!);
  expect(item).toMatchObject({ type: 'consultation', channel: 'bot' });
  expect(item.content).toContain('开饭店要办什么证');
  expect(item.content).toContain('139****5678');
  expect(JSON.stringify(item)).not.toContain('13912345678');
  // The guide the resident was asking about goes with it (stored; the staff presenter does not show it yet).
  const stored = await ComplaintModel.findOne({ trackingNumber }).lean();
  expect(stored?.target?.guideCode).toBe('11150622MB1A52861R4000117007000');
});
