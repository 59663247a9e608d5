/** Applications: every transition and the refused ones, the clock in working days, exactly one SMS per notable change. */
import { addWorkingDays, chinaDate, nextWorkingDay, shiftDate, workingDaysBetween } from '../../../gateway/calendar/working-days';
import { presentPublicStatus } from '../../../gateway/applications/presenter';
import { escalateOverdue } from '../../../gateway/applications/supervision';
import { seedDemoData } from '../../../gateway/seed';
import { demoGuides } from '../../../gateway/seed/guides';
import { ApplicationModel } from '../../../models/application';
import { AuditLogModel } from '../../../models/audit-log';
import type { FakeAliyun } from '../../support/fake-aliyun';
import { createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';
import { deliverQueuedSms, startSmsFake } from '../../support/sms';

let gw: TestGateway;
let fake: FakeAliyun;
const food = demoGuides.find((g) => g.name === '食品经营许可')!;
const immediate = demoGuides.find((g) => g.caseType === 'immediate' && g.handledAt.some((h) => h.point === 'banner-hall'))!;
let clerk: string;
let approver: string;
let otherApprover: string;
let chief: string;
let supervisor: string;
let townshipClerk: string;

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'apps', env: sms.env });
  await seedDemoData();
  clerk = (await createStaff(['clerk'], { servicePoint: 'banner-hall', window: 'market' })).token;
  approver = (await createStaff(['approver'], { department: food.department })).token;
  otherApprover = (await createStaff(['approver'], { department: '准格尔旗民政局' })).token;
  chief = (await createStaff(['clerk', 'approver'], { servicePoint: 'banner-hall', window: 'market', department: food.department, chiefRepresentative: true })).token;
  supervisor = (await createStaff(['supervisor'])).token;
  townshipClerk = (await createStaff(['clerk'], { servicePoint: 'dalu', window: 'T1' })).token;
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});

let phoneSeq = 0;
async function register(guideCode = food.code) {
  const phone = `1380000${String(++phoneSeq).padStart(4, '0')}`;
  const res = await gw.request('POST', '/api/v1/staff/applications', { token: clerk, body: { guideCode, applicant: { name: '王小明', phone } } });
  expect(res.status).toBe(201);
  return { number: res.body.number as string, phone };
}

const act = (token: string, number: string, body: Record<string, unknown>) => gw.request('POST', `/api/v1/staff/applications/${number}/transitions`, { token, body });

async function smsTo(phone: string) {
  await deliverQueuedSms();
  return fake.sent.filter((m) => m.phone === phone).map((m) => m.templateCode);
}

it('registers a walk-in with a readable, unguessable number and a masked applicant', async () => {
  const res = await gw.request('POST', '/api/v1/staff/applications', { token: clerk, body: { guideCode: food.code, applicant: { name: '王小明', phone: '13912345678' } } });
  expect(res.status).toBe(201);
  expect(res.body.number).toMatch(/^BJ\d{6}-[2-9A-HJKMNP-Z]{8}$/);
  expect(res.body).toMatchObject({ state: 'submitted', guideName: '食品经营许可', applicant: { name: '王*明', phone: '139****5678' } });
  expect(res.text).not.toContain('13912345678');
  expect(await AuditLogModel.exists({ action: 'application.register', targetId: res.body.number })).toBeTruthy();
});

it('runs the whole flow with exactly one SMS per change the applicant should know about', async () => {
  const { number, phone } = await register();
  const accepted = await act(clerk, number, { action: 'accept' });
  expect(accepted.status).toBe(200);
  const today = chinaDate(new Date());
  expect(accepted.body).toMatchObject({ state: 'accepted', acceptedOn: today, promisedDate: addWorkingDays(today, food.promisedTimeLimitDays), light: expect.any(String) });
  expect((await act(approver, number, { action: 'start_review' })).body.state).toBe('under_review');
  expect((await act(approver, number, { action: 'approve', note: '材料齐全' })).body.state).toBe('approved');
  expect((await act(clerk, number, { action: 'mark_ready', pickup: '旗政务服务中心一楼市场准入窗口领取' })).body.state).toBe('result_ready');
  const done = await act(clerk, number, { action: 'complete' });
  expect(done.body).toMatchObject({ state: 'completed', completedOn: today, light: null });
  expect(done.body.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'accept', 'start_review', 'approve', 'mark_ready', 'complete']);
  expect(await smsTo(phone)).toEqual(['OW_APPLICATION_ACCEPTED', 'OW_APPLICATION_APPROVED', 'OW_APPLICATION_READY']);
  const acceptedSms = fake.sent.find((m) => m.phone === phone && m.templateCode === 'OW_APPLICATION_ACCEPTED')!;
  expect(acceptedSms.params).toEqual({ number, item: '食品经营许可', promisedDate: accepted.body.promisedDate });
  // Delivering again sends nothing more.
  expect(await smsTo(phone)).toHaveLength(3);
});

it('refuses transitions that are not allowed, with clear errors', async () => {
  const { number } = await register();
  const early = await act(approver, number, { action: 'approve' });
  expect(early.status).toBe(409);
  expect(early.body.error).toMatchObject({ code: 'application.invalid_transition', message: expect.stringContaining('已提交') });
  expect((await act(clerk, number, { action: 'fly' })).status).toBe(400);
  await act(clerk, number, { action: 'accept' });
  expect((await act(clerk, number, { action: 'accept' })).status).toBe(409);
  expect((await act(clerk, number, { action: 'complete' })).body.error.code).toBe('application.invalid_transition'); // not an immediate item
  expect((await act(clerk, number, { action: 'start_review' })).status).toBe(403);
  expect((await act(otherApprover, number, { action: 'start_review' })).body.error.code).toBe('application.not_your_department');
  expect((await act(townshipClerk, number, { action: 'request_supplement', missing: '身份证' })).body.error.code).toBe('application.not_your_point');
  await act(approver, number, { action: 'start_review' });
  const noReason = await act(approver, number, { action: 'reject' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.code).toBe('application.reason_required');
});

it('rejects with a reason and tells the applicant why', async () => {
  const { number, phone } = await register();
  await act(clerk, number, { action: 'accept' });
  await act(approver, number, { action: 'start_review' });
  expect((await act(approver, number, { action: 'reject', reason: '经营场所与食品加工要求不符' })).body.state).toBe('rejected');
  await deliverQueuedSms();
  expect(fake.sent.find((m) => m.phone === phone && m.templateCode === 'OW_APPLICATION_REJECTED')!.params.reason).toBe('经营场所与食品加工要求不符');
  expect((await act(clerk, number, { action: 'accept' })).status).toBe(409);
});

it('refuses to accept (不予受理) with a reason', async () => {
  const { number } = await register();
  const res = await act(clerk, number, { action: 'refuse', reason: '不属于本部门受理范围' });
  expect(res.body).toMatchObject({ state: 'not_accepted', decision: { outcome: 'not_accepted', reason: '不属于本部门受理范围' } });
});

it('stops the clock during a supplement and moves the deadline by the working days it lasted', async () => {
  const { number, phone } = await register();
  await act(clerk, number, { action: 'accept' });
  await act(approver, number, { action: 'start_review' });
  const sup = await act(approver, number, { action: 'request_supplement', missing: '从业人员健康证明' });
  expect(sup.body).toMatchObject({ state: 'supplement_requested', paused: { reason: 'supplement' } });
  // The supplement began three working days ago (as if the applicant took that long).
  const today = chinaDate(new Date());
  let since = today;
  while (workingDaysBetween(since, today) < 3) since = shiftDate(since, -1);
  const startedOn = shiftDate(since, -1);
  await ApplicationModel.updateOne({ number }, { $set: { 'pause.since': since, 'clock.startedOn': startedOn } });
  const resumed = await act(clerk, number, { action: 'resume' });
  expect(resumed.body.state).toBe('under_review');
  expect(resumed.body.paused).toBeNull();
  expect(resumed.body.promisedDate).toBe(addWorkingDays(startedOn, food.promisedTimeLimitDays + 3));
  await deliverQueuedSms();
  expect(fake.sent.find((m) => m.phone === phone && m.templateCode === 'OW_APPLICATION_SUPPLEMENT')!.params.missing).toBe('从业人员健康证明');
});

it('pauses for a special procedure and extends only with a supervisor', async () => {
  const { number } = await register();
  await act(clerk, number, { action: 'accept' });
  await act(approver, number, { action: 'start_review' });
  expect((await act(approver, number, { action: 'pause' })).body.error.code).toBe('application.procedure_required');
  const paused = await act(approver, number, { action: 'pause', procedure: 'site_inspection', note: '现场核查经营场所' });
  expect(paused.body.paused).toEqual({ reason: 'site_inspection', since: chinaDate(new Date()) });
  expect((await act(approver, number, { action: 'pause', procedure: 'expert_review' })).status).toBe(409);
  await act(approver, number, { action: 'resume' });
  const before = (await gw.request('GET', `/api/v1/staff/applications/${number}`, { token: approver })).body.promisedDate;
  const requested = await act(approver, number, { action: 'extend', days: 5, reason: '需征求卫健部门意见' });
  expect(requested.body).toMatchObject({ extensionRequest: { days: 5 }, promisedDate: before });
  const approved = await act(supervisor, number, { action: 'extend' });
  expect(approved.body.extensionRequest).toBeNull();
  expect(approved.body.promisedDate).toBe(addWorkingDays(before, 5));
});

it('accepts and completes an immediate item (即办件) at the window', async () => {
  const res = await gw.request('POST', '/api/v1/staff/applications', { token: (await createStaff(['clerk'], { servicePoint: 'banner-hall' })).token, body: { guideCode: immediate.code, applicant: { name: '李华', phone: '13700001111' } } });
  const number = res.body.number;
  const c = (await createStaff(['clerk'], { servicePoint: 'banner-hall' })).token;
  await act(c, number, { action: 'accept' });
  expect((await act(c, number, { action: 'complete' })).body.state).toBe('completed');
});

it('lets the chief representative approve at the window', async () => {
  const { number } = await register();
  await act(chief, number, { action: 'accept' });
  await act(chief, number, { action: 'start_review' });
  expect((await act(chief, number, { action: 'approve' })).body.state).toBe('approved');
});

it('lets only one of two simultaneous actions through', async () => {
  const { number } = await register();
  const results = await Promise.all([act(clerk, number, { action: 'accept' }), act(clerk, number, { action: 'accept' })]);
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  expect((await ApplicationModel.findOne({ number }).lean())!.timeline).toHaveLength(2);
});

describe('lights, escalation and the dashboard', () => {
  it('turns yellow near the deadline and red after it, escalates once, and shows it to supervisors', async () => {
    const today = chinaDate(new Date());
    const { number: late } = await register();
    await act(clerk, late, { action: 'accept' });
    await ApplicationModel.updateOne({ number: late }, { $set: { 'clock.startedOn': shiftDate(today, -60), 'clock.deadline': shiftDate(today, -30) } });
    const { number: near } = await register();
    await act(clerk, near, { action: 'accept' });
    // Started so that the deadline is the next working day after today.
    const target = nextWorkingDay(shiftDate(today, 1));
    let start = today;
    while (addWorkingDays(start, food.promisedTimeLimitDays) > target) start = shiftDate(start, -1);
    await ApplicationModel.updateOne({ number: near }, { $set: { 'clock.startedOn': start } });
    const view = async (n: string) => (await gw.request('GET', `/api/v1/staff/applications/${n}`, { token: supervisor })).body;
    expect((await view(late)).light).toBe('red');
    const nearView = await view(near);
    expect(nearView.promisedDate).toBe(target);
    expect(nearView.light).toBe('yellow');

    expect(await escalateOverdue()).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdue()).toBe(0);
    expect((await view(late)).timeline.at(-1)).toMatchObject({ action: 'escalate', by: '效能监察' });

    const inbox = await gw.request('GET', '/api/v1/staff/applications?pageSize=100', { token: approver });
    expect(inbox.body.items[0].light).toBe('red');
    const dash = await gw.request('GET', '/api/v1/staff/supervision/applications', { token: supervisor });
    expect(dash.status).toBe(200);
    expect(dash.body.byLight.red).toBeGreaterThanOrEqual(1);
    expect(dash.body.overdue.map((a: { number: string }) => a.number)).toContain(late);
    expect(dash.body.byDepartment.find((d: { department: string }) => d.department === food.department).red).toBeGreaterThanOrEqual(1);
    expect(dash.body.completed).toBeGreaterThanOrEqual(1);
    expect(dash.body.onTimeRate).toBeGreaterThan(0);
    expect((await gw.request('GET', '/api/v1/staff/supervision/applications', { token: clerk })).status).toBe(403);
  });
});

describe('the public status query', () => {
  it('needs the number and the last four digits, and tells nothing personal', async () => {
    const { number, phone } = await register();
    await act(clerk, number, { action: 'accept' });
    const ok = await gw.request('GET', `/api/v1/applications/${number}/status?phoneLast4=${phone.slice(-4)}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ number, state: 'accepted', stateName: '已受理', promisedDate: expect.any(String), light: expect.any(String) });
    expect(ok.text).not.toMatch(/王|138\*\*\*\*|clerk|staff/);
    // The query reads only some fields: the answer is what the whole record gives.
    const whole = await ApplicationModel.findOne({ number }).lean();
    expect(ok.body).toEqual(JSON.parse(JSON.stringify(presentPublicStatus(whole as never, new Date()))));
    const wrongDigits = await gw.request('GET', `/api/v1/applications/${number}/status?phoneLast4=0000`);
    const wrongNumber = await gw.request('GET', `/api/v1/applications/BJ000000-ABCDEFGH/status?phoneLast4=${phone.slice(-4)}`);
    expect(wrongDigits.status).toBe(404);
    expect(wrongNumber.body).toEqual(wrongDigits.body);
    expect((await gw.request('GET', `/api/v1/applications/${number}/status`)).status).toBe(400);
  });

  it('answers queries that arrive together each with its own application, as it is now', async () => {
    const apps = [await register(), await register(), await register()];
    await act(clerk, apps[1].number, { action: 'accept' });
    const ask = (number: string, last4: string) => gw.request('GET', `/api/v1/applications/${number}/status?phoneLast4=${last4}`);
    const answers = await Promise.all([
      ...apps.map((a) => ask(a.number, a.phone.slice(-4))),
      ask(apps[0].number, '0000'),
      ask('BJ000000-ABCDEFGH', apps[2].phone.slice(-4)),
      ask(apps[1].number, apps[1].phone.slice(-4)),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 404, 200]);
    expect(answers.slice(0, 3).map((r) => r.body.number)).toEqual(apps.map((a) => a.number));
    expect(answers.map((r) => r.body.state)).toEqual(['submitted', 'accepted', 'submitted', undefined, undefined, 'accepted']);
  });

  it('is rate-limited per client so numbers cannot be enumerated', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await gw.request('GET', `/api/v1/applications/BJ000000-ABCDEF${String(i).padStart(2, '2')}/status?phoneLast4=1234`)).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(30);
  });
});
