/**
 * The whole life of a complaint over HTTP: filed by phone-only residents, the bot and signed-in
 * residents; followed with tracking number + last four digits; acknowledged, assigned and answered
 * by staff; confirmed, reopened, closed by itself; SMS on receipt and on reply.
 */
import { bindChatUser } from '../../../gateway/identity/residents';
import { sweepComplaintDeadlines } from '../../../gateway/complaints/deadlines';
import { ComplaintModel } from '../../../models/complaint';
import { answer, complaintStaff, DEPARTMENT, fileAsPhone, type ComplaintActors } from '../../support/complaints';
import { createStaff } from '../../support/factories';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { deliverQueuedSms, lastCodeSentTo, startSmsFake } from '../../support/sms';

const BOT_TOKEN = 'bot-token-for-complaint-tests';
let gw: TestGateway;
let fake: FakeAliyun;
let staff: ComplaintActors;

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'complaints', env: { ...sms.env, BOT_TOKEN } });
  staff = await complaintStaff();
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});

const bot = (chatUser: string) => ({ authorization: `Bot ${BOT_TOKEN}`, 'x-chat-user': chatUser });

async function smsLogin(phone: string): Promise<string> {
  await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone } });
  await deliverQueuedSms();
  const res = await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone, code: lastCodeSentTo(fake, phone) } });
  return res.body.token;
}

describe('filing and following', () => {
  it('takes a complaint with just a phone, texts the tracking number, and shows it only with the right digits', async () => {
    const filed = await fileAsPhone(gw, '13800001111', { target: { department: DEPARTMENT, window: '市场准入综合窗口', staff: '王某' } });
    expect(filed.trackingNumber).toMatch(/^TS\d{8}[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(filed).toMatchObject({ type: 'complaint', status: 'received', statusName: '已收到', channel: 'miniprogram', target: { window: '市场准入综合窗口' } });
    expect(filed.acknowledgeBy <= filed.answerBy).toBe(true);

    await deliverQueuedSms();
    const sms = fake.sent.find((m) => m.phone === '13800001111');
    expect(sms?.params).toEqual({ trackingNumber: filed.trackingNumber, type: '投诉' });

    const ok = await gw.request('GET', `/api/v1/complaints/${filed.trackingNumber}?phoneLast4=1111`);
    expect(ok.status).toBe(200);
    expect(ok.body.content).toContain('推诿');
    const wrongDigits = await gw.request('GET', `/api/v1/complaints/${filed.trackingNumber}?phoneLast4=2222`);
    const wrongNumber = await gw.request('GET', `/api/v1/complaints/TS20260101ABCDEFGH?phoneLast4=1111`);
    expect(wrongDigits.status).toBe(404);
    expect(wrongNumber.status).toBe(404);
    expect(wrongDigits.body).toEqual(wrongNumber.body);
    const noDigits = await gw.request('GET', `/api/v1/complaints/${filed.trackingNumber}`);
    expect(noDigits.status).toBe(400);
    expect(noDigits.body.error.code).toBe('complaint.phone_last4_required');
  });

  it('goes received → acknowledged → assigned → replied → closed, with an SMS on the reply', async () => {
    const { trackingNumber: tn } = await fileAsPhone(gw, '13800001112');
    const add = await gw.request('POST', `/api/v1/complaints/${tn}/information`, { body: { text: '补充：当天是上午十点左右。', phoneLast4: '1112' } });
    expect(add.status).toBe(200);
    expect(add.body.additions).toEqual([expect.objectContaining({ text: '补充：当天是上午十点左右。' })]);

    const path = `/api/v1/staff/complaints/${tn}`;
    const ack = await gw.request('POST', `${path}/acknowledge`, { token: staff.supervisor.token, body: {} });
    expect(ack.body).toMatchObject({ status: 'acknowledged', dueStage: 'answer', dueDate: ack.body.answerBy });
    // Only supervisors acknowledge and assign; an unknown department cannot take an item.
    expect((await gw.request('POST', `${path}/assign`, { token: staff.handler.token, body: { department: DEPARTMENT } })).status).toBe(403);
    const unknown = await gw.request('POST', `${path}/assign`, { token: staff.supervisor.token, body: { department: '不存在的局' } });
    expect(unknown.body.error.code).toBe('complaint.department_unknown');
    const assigned = await gw.request('POST', `${path}/assign`, { token: staff.supervisor.token, body: { department: DEPARTMENT, note: '请5个工作日内答复' } });
    expect(assigned.body).toMatchObject({ status: 'assigned', department: DEPARTMENT });

    // The department sees it in its list; another department does not see it at all.
    const inbox = await gw.request('GET', '/api/v1/staff/complaints?status=assigned', { token: staff.handler.token });
    expect(inbox.body.items.map((i: { trackingNumber: string }) => i.trackingNumber)).toContain(tn);
    const other = await createStaff(['approver'], { department: '准格尔旗人力资源和社会保障局' });
    expect((await gw.request('GET', path, { token: other.token })).status).toBe(404);
    expect((await gw.request('POST', `${path}/reply`, { token: other.token, body: { text: '越权答复' } })).status).toBe(404);

    await deliverQueuedSms();
    fake.reset();
    const replied = await gw.request('POST', `${path}/reply`, { token: staff.handler.token, body: { text: '经核查，已对窗口人员批评教育并公开道歉。' } });
    expect(replied.body).toMatchObject({ status: 'replied', light: null, repliedLate: false });
    await deliverQueuedSms();
    expect(fake.sent.map((m) => [m.phone, m.templateCode, m.params.trackingNumber])).toEqual([['13800001112', 'OW_COMPLAINT_REPLIED', tn]]);

    const seen = await gw.request('GET', `/api/v1/complaints/${tn}?phoneLast4=1112`);
    expect(seen.body.replies).toEqual([{ text: '经核查，已对窗口人员批评教育并公开道歉。', department: DEPARTMENT, at: expect.any(String) }]);
    expect(seen.body.actions).toMatchObject({ confirm: true, reopen: true, rate: false });
    expect(JSON.stringify(seen.body)).not.toContain(staff.handler.username);

    const confirmed = await gw.request('POST', `/api/v1/complaints/${tn}/confirm`, { body: { phoneLast4: '1112' } });
    expect(confirmed.body).toMatchObject({ status: 'closed', closedBy: 'resident', actions: { rate: true } });
    const again = await gw.request('POST', `/api/v1/complaints/${tn}/confirm`, { body: { phoneLast4: '1112' } });
    expect(again.status).toBe(409);
    const timeline = confirmed.body.timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(['received', 'information', 'acknowledged', 'assigned', 'replied', 'closed']);
  });

  it('lets the phone filer sign in later, find the item in "my complaints" and rate it once', async () => {
    const { trackingNumber: tn } = await fileAsPhone(gw, '13800001113');
    await answer(gw, staff, tn);
    const token = await smsLogin('13800001113');
    const mine = await gw.request('GET', '/api/v1/me/complaints', { token });
    expect(mine.body.items.map((i: { trackingNumber: string }) => i.trackingNumber)).toEqual([tn]);
    // The signed-in filer needs no digits.
    expect((await gw.request('GET', `/api/v1/complaints/${tn}`, { token })).status).toBe(200);
    expect((await gw.request('POST', '/api/v1/ratings', { token, body: { caseType: 'complaint', caseId: tn, level: 5 } })).body.error.code).toBe('rating.not_finished');
    await gw.request('POST', `/api/v1/complaints/${tn}/confirm`, { token, body: {} });
    const rated = await gw.request('POST', '/api/v1/ratings', { token, body: { caseType: 'complaint', caseId: tn, level: 4, indicators: { attitude: 4, efficiency: 5 } } });
    expect(rated.status).toBe(201);
    expect(rated.body).toMatchObject({ level: 4, levelName: '满意', rectification: null });
    const twice = await gw.request('POST', '/api/v1/ratings', { token, body: { caseType: 'complaint', caseId: tn, level: 5 } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('rating.already_rated');
    // Rated items are no longer reopened (the rectification loop handles dissatisfaction).
    const reopen = await gw.request('POST', `/api/v1/complaints/${tn}/reopen`, { token, body: { reason: '还是不满意' } });
    expect(reopen.body.error.code).toBe('complaint.already_rated');
  });

  it('reopens a replied item with a fresh answer deadline, and closes unconfirmed answers by itself', async () => {
    const { trackingNumber: tn } = await fileAsPhone(gw, '13800001114', { type: 'consultation', category: 'system_fault', content: '网上办事大厅无法上传材料，怎么办？' });
    await answer(gw, staff, tn);
    const reopened = await gw.request('POST', `/api/v1/complaints/${tn}/reopen`, { body: { reason: '按答复操作后仍然无法上传。', phoneLast4: '1114' } });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'assigned', department: DEPARTMENT });
    const handlerView = await gw.request('GET', `/api/v1/staff/complaints/${tn}`, { token: staff.handler.token });
    expect(handlerView.body).toMatchObject({ reopenCount: 1, dueStage: 'answer', light: expect.any(String) });
    expect(handlerView.body.events.at(-1)).toMatchObject({ type: 'reopened', note: '按答复操作后仍然无法上传。', by: { kind: 'resident', name: null } });

    await gw.request('POST', `/api/v1/staff/complaints/${tn}/reply`, { token: staff.handler.token, body: { text: '已修复上传功能，请重试。' } });
    const replied = await ComplaintModel.findOne({ trackingNumber: tn }).lean();
    expect(replied!.replies).toHaveLength(2);
    await sweepComplaintDeadlines(new Date(replied!.repliedAt!.getTime() + 6 * 86_400_000));
    expect((await ComplaintModel.findOne({ trackingNumber: tn }).lean())!.status).toBe('replied');
    await sweepComplaintDeadlines(new Date(replied!.repliedAt!.getTime() + 7 * 86_400_000 + 1000));
    const closed = await gw.request('GET', `/api/v1/complaints/${tn}?phoneLast4=1114`);
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'auto' });
  });

  it('lets supervisors close an item with a note, and refuses what the flow does not allow', async () => {
    const { trackingNumber: tn } = await fileAsPhone(gw, '13800001115');
    const path = `/api/v1/staff/complaints/${tn}`;
    expect((await gw.request('POST', `${path}/reply`, { token: staff.supervisor.token, body: { text: '未签收先答复' } })).body.error.code).toBe('complaint.invalid_transition');
    expect((await gw.request('POST', `${path}/close`, { token: staff.supervisor.token, body: {} })).status).toBe(400);
    const closed = await gw.request('POST', `${path}/close`, { token: staff.supervisor.token, body: { note: '重复提交，已并入前件办理' } });
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'staff' });
    const info = await gw.request('POST', `/api/v1/complaints/${tn}/information`, { body: { text: '再补充一点', phoneLast4: '1115' } });
    expect(info.body.error.code).toBe('complaint.closed');
    const audit = await gw.request('GET', `/api/v1/staff/audit-log?targetType=complaint&targetId=${tn}`, { token: staff.supervisor.token });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['complaint.close']);
  });
});

describe('channels', () => {
  it('takes items from an unbound chat user with a phone, and from a bound one without', async () => {
    const noPhone = await gw.request('POST', '/api/v1/complaints', { headers: bot('wxid_unbound'), body: { type: 'suggestion', category: 'other', content: '建议大厅增加老年人休息座椅。' } });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.code).toBe('complaint.phone_required');
    const unbound = await gw.request('POST', '/api/v1/complaints', { headers: bot('wxid_unbound'), body: { type: 'suggestion', category: 'other', content: '建议大厅增加老年人休息座椅。', phone: '13800001116' } });
    expect(unbound.status).toBe(201);
    expect(unbound.body.channel).toBe('bot');

    await bindChatUser('wxid_bound', '13800001117');
    const bound = await gw.request('POST', '/api/v1/complaints', { headers: bot('wxid_bound'), body: { type: 'consultation', category: 'other', content: '社保卡丢了在哪里补办？' } });
    expect(bound.status).toBe(201);
    expect(bound.body).toMatchObject({ channel: 'bot', typeName: '咨询' });
    // The bound chat user follows their own item without digits; texts go to the bound phone.
    expect((await gw.request('GET', `/api/v1/complaints/${bound.body.trackingNumber}`, { headers: bot('wxid_bound') })).status).toBe(200);
    await deliverQueuedSms();
    expect(fake.sent.some((m) => m.phone === '13800001117' && m.params.trackingNumber === bound.body.trackingNumber)).toBe(true);
  });

  it('lets staff record a phone call', async () => {
    const clerk = await createStaff(['clerk']);
    const res = await gw.request('POST', '/api/v1/staff/complaints', {
      token: clerk.token,
      body: { type: 'complaint', category: 'improper_fees', content: '来电反映：办理营业执照时被要求交材料费。', phone: '13800001118', name: '张三' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channel: 'phone', filer: { phone: '138****1118', name: '张*' } });
  });

  it('lists the categories and rejects bad input with a Chinese message', async () => {
    const cats = await gw.request('GET', '/api/v1/complaints/categories');
    expect(cats.body.categories.map((c: { name: string }) => c.name)).toEqual(['服务态度', '办理拖延', '违规收费', '索拿卡要', '系统故障', '其他']);
    expect(cats.body.types).toContainEqual({ code: 'consultation', name: '咨询', deadlines: { acknowledge: 1, answer: 3 } });
    const long = await gw.request('POST', '/api/v1/complaints', { body: { type: 'complaint', category: 'other', content: '长'.repeat(4001), phone: '13800001119' } });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toBe('内容：内容不能超过4000字');
    const badPhone = await gw.request('POST', '/api/v1/complaints', { body: { type: 'complaint', category: 'other', content: '内容', phone: '12345' } });
    expect(badPhone.body.error.code).toBe('complaint.phone_invalid');
    const badType = await gw.request('POST', '/api/v1/complaints', { body: { type: 'praise', category: 'other', content: '内容', phone: '13800001119' } });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(/^类型：/);
  });
});

describe('photos', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

  async function upload(tn: string, files: Array<[string, Buffer]>, last4 = '1120') {
    const form = new FormData();
    for (const [name, data] of files) form.append('photos', new Blob([new Uint8Array(data)]), name);
    const res = await fetch(`${gw.url}/api/v1/complaints/${tn}/photos?phoneLast4=${last4}`, { method: 'POST', body: form });
    return { status: res.status, body: await res.json() };
  }

  it('takes up to five images, checks their type by content, and serves them to the filer and the handler', async () => {
    const { trackingNumber: tn } = await fileAsPhone(gw, '13800001120');
    const first = await upload(tn, [['a.png', PNG], ['b.png', PNG]]);
    expect(first.status).toBe(200);
    expect(first.body.photos).toHaveLength(2);
    const notImage = await upload(tn, [['c.png', Buffer.from('%PDF-1.4 not an image')]]);
    expect(notImage.body.error.code).toBe('file.type_not_allowed');
    const tooMany = await upload(tn, [['c.png', PNG], ['d.png', PNG], ['e.png', PNG], ['f.png', PNG]]);
    expect(tooMany.body.error.code).toBe('complaint.too_many_photos');
    expect((await upload(tn, [['c.png', PNG]], '9999')).status).toBe(404);

    const photo = await fetch(`${gw.url}${first.body.photos[0].url}?phoneLast4=1120`);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await fetch(`${gw.url}${first.body.photos[0].url}?phoneLast4=0000`)).status).toBe(404);
    const staffView = await gw.request('GET', `/api/v1/staff/complaints/${tn}`, { token: staff.supervisor.token });
    const staffPhoto = await fetch(`${gw.url}${staffView.body.photos[1].url}`, { headers: { authorization: `Bearer ${staff.supervisor.token}` } });
    expect(staffPhoto.status).toBe(200);
  });
});
