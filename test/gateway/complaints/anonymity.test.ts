/**
 * Anonymity: the filer of an anonymous item can follow it, be texted and rate it, yet no staff
 * view — detail, list, statistics, audit log, message log, rectification, Open311 — holds anything
 * that leads back to them. Non-anonymous items show staff masks only.
 */
import { answer, complaintStaff, DEPARTMENT, type ComplaintActors } from '../../support/complaints';
import { createStaff } from '../../support/factories';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { deliverQueuedSms, lastCodeSentTo, startSmsFake } from '../../support/sms';

const PHONE = '13912345678';
let gw: TestGateway;
let fake: FakeAliyun;
let staff: ComplaintActors;
let resident: { token: string; id: string };

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'anonymity', env: sms.env });
  staff = await complaintStaff();
  await gw.request('POST', '/api/v1/auth/sms-codes', { body: { phone: PHONE } });
  await deliverQueuedSms();
  const login = await gw.request('POST', '/api/v1/auth/sms-login', { body: { phone: PHONE, code: lastCodeSentTo(fake, PHONE) } });
  resident = { token: login.body.token, id: login.body.user.id };
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});

/** What could identify the filer, in any form a view might show it (the phone, its mask, the account). */
const IDENTITY = [PHONE, '139****5678', () => resident.id];

function expectNoIdentity(view: unknown): void {
  const text = JSON.stringify(view);
  for (const needle of IDENTITY) expect(text).not.toContain(typeof needle === 'function' ? needle() : needle);
}

it('keeps an anonymous filer out of every staff view while they follow, hear and rate', async () => {
  const filed = await gw.request('POST', '/api/v1/complaints', {
    token: resident.token,
    body: { type: 'complaint', category: 'bribery', anonymous: true, content: `窗口人员暗示要好处费才给加急。我的电话${PHONE}，身份证150203199001011234。`, target: { department: DEPARTMENT } },
  });
  expect(filed.status).toBe(201);
  const tn: string = filed.body.trackingNumber;
  await gw.request('POST', `/api/v1/complaints/${tn}/information`, { token: resident.token, body: { text: `可以打${PHONE}联系我` } });
  await answer(gw, staff, tn);

  // The filer follows it signed in and with the digits, and got both texts.
  expect((await gw.request('GET', `/api/v1/complaints/${tn}`, { token: resident.token })).body.anonymous).toBe(true);
  expect((await gw.request('GET', `/api/v1/complaints/${tn}?phoneLast4=5678`)).status).toBe(200);
  expect((await gw.request('GET', '/api/v1/me/complaints', { token: resident.token })).body.items[0].trackingNumber).toBe(tn);
  await deliverQueuedSms();
  expect(fake.sent.filter((m) => m.phone === PHONE && m.params.trackingNumber === tn).map((m) => m.templateCode).sort()).toEqual(['OW_COMPLAINT_RECEIVED', 'OW_COMPLAINT_REPLIED']);

  const detail = await gw.request('GET', `/api/v1/staff/complaints/${tn}`, { token: staff.handler.token });
  expect(detail.body).toMatchObject({ anonymous: true, filer: null });
  expect(detail.body.content).toBe('窗口人员暗示要好处费才给加急。我的电话[号码已隐去]，身份证[号码已隐去]。');
  expect(detail.body.additions[0].text).toBe('可以打[号码已隐去]联系我');
  expectNoIdentity(detail.body);
  expect(JSON.stringify(detail.body)).not.toContain('150203199001011234');
  expectNoIdentity((await gw.request('GET', '/api/v1/staff/complaints', { token: staff.supervisor.token })).body);
  expectNoIdentity((await gw.request('GET', '/api/v1/staff/complaints/stats', { token: staff.supervisor.token })).body);
  expectNoIdentity((await gw.request('GET', `/api/v1/staff/audit-log?targetId=${tn}`, { token: staff.supervisor.token })).body);
  // The message log shows masked numbers, but never which item a text was about.
  const messages = await gw.request('GET', '/api/v1/staff/messages?kind=complaint_received', { token: staff.supervisor.token });
  expect(messages.body.items.length).toBeGreaterThan(0);
  expect(JSON.stringify(messages.body)).not.toContain(tn);

  // Open311 readers with an API key get the description without the numbers.
  const admin = await createStaff(['admin']);
  const key = (await gw.request('POST', '/api/v1/staff/open311-keys', { token: admin.token, body: { name: '测试客户端' } })).body.key;
  const open311 = await gw.request('GET', `/open311/v2/requests/${tn}.json?api_key=${key}`);
  expect(open311.body[0].description).toContain('[号码已隐去]');
  expectNoIdentity(open311.body);

  // The filer closes and rates it badly; the rectification never reveals them.
  await gw.request('POST', `/api/v1/complaints/${tn}/confirm`, { token: resident.token, body: {} });
  const rated = await gw.request('POST', '/api/v1/ratings', { token: resident.token, body: { caseType: 'complaint', caseId: tn, level: 1, comment: `没有解决，回电${PHONE}` } });
  expect(rated.status).toBe(201);
  const rectifications = await gw.request('GET', '/api/v1/staff/rectifications', { token: staff.handler.token });
  expect(rectifications.body.items).toHaveLength(1);
  expect(rectifications.body.items[0]).toMatchObject({ caseId: tn, anonymous: true, comment: '没有解决，回电[号码已隐去]' });
  expectNoIdentity(rectifications.body);
  const contact = await gw.request('GET', `/api/v1/staff/rectifications/${rectifications.body.items[0].id}/contact`, { token: staff.supervisor.token });
  expect(contact.status).toBe(409);
  expect(contact.body.error.code).toBe('rectification.anonymous');
  expectNoIdentity((await gw.request('GET', '/api/v1/staff/ratings/stats?by=department', { token: staff.supervisor.token })).body);
});

it('shows staff only masks of a named filer', async () => {
  const filed = await gw.request('POST', '/api/v1/complaints', { token: resident.token, body: { type: 'consultation', category: 'other', content: '营业执照变更需要哪些材料？' } });
  const detail = await gw.request('GET', `/api/v1/staff/complaints/${filed.body.trackingNumber}`, { token: staff.supervisor.token });
  expect(detail.body.filer).toEqual({ phone: '139****5678', name: null, registered: true });
  expect(JSON.stringify(detail.body)).not.toContain(PHONE);
  expect(JSON.stringify(detail.body)).not.toContain(resident.id);
});
