/**
 * Staff journeys in Debian's Chromium against a real gateway with the demo staff: a clerk accepts a
 * walk-in application, the approver reviews and approves it from the inbox, the applicant's SMS is
 * sent (the Aliyun fake receives it) and the supervisor sees it in the SMS log and the dashboard;
 * a clerk calls a ticket at the window and the hall display shows it.
 */
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../../support/browser';
import { deliverQueuedSms } from '../../support/sms';
import { current, loginStaff, seen, startJourney, STAFF_PASSWORD, tap, waitForPath, type Journey } from './journey';

jest.setTimeout(300_000);

const APPLICANT_PHONE = '13955501234';
let journey: Journey;
let number: string;

beforeAll(async () => {
  journey = await startJourney('mp-staff');
  const login = await journey.gw.request('POST', '/api/v1/auth/staff-login', { body: { username: 'clerk', password: STAFF_PASSWORD } });
  const guide = (await journey.gw.request('GET', `/api/v1/guides?q=${encodeURIComponent('食品经营许可')}`)).body.items[0];
  const registered = await journey.gw.request('POST', '/api/v1/staff/applications', {
    token: login.body.token,
    body: { guideCode: guide.code, applicant: { name: '赵丽华', phone: APPLICANT_PHONE } },
  });
  expect(registered.status).toBe(201);
  number = registered.body.number;
});

afterAll(async () => {
  await journey?.stop();
});

async function staffPage(username: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await journey.open('/packages/staff/inbox/index');
  // The inbox needs a staff login: it sends the visitor there and comes back.
  await waitForPath(page, '/packages/staff/login/index');
  await loginStaff(page, username);
  await waitForPath(page, '/packages/staff/inbox/index');
  return { page, errors };
}

/** Takes a flow action by its code (the button's class), confirming its dialog when it has one. */
async function act(page: Page, action: string): Promise<void> {
  await current(page).locator(`.ow-actions__button--${action}`).click();
  const dialog = page.locator('.nut-dialog').filter({ visible: true });
  if (await dialog.count()) await dialog.locator('.nut-dialog-footer-ok').click();
}

test('a clerk accepts a walk-in application from the inbox', async () => {
  const { page, errors } = await staffPage('clerk');
  await seen(page, '王晓燕（市场准入窗口）').waitFor();
  const card = current(page).locator(`.ow-app-card[data-number="${number}"]`);
  await card.getByText('已提交（待受理）').waitFor();
  await saveScreenshot(page, 'staff-inbox');
  await card.click();
  await waitForPath(page, '/packages/staff/application/index');
  await seen(page, '赵*华 139****1234').waitFor();
  // A clerk gets the clerk's actions for a submitted case, not the approver's.
  await current(page).locator('.ow-actions__button--accept', { hasText: '受理' }).waitFor();
  await current(page).locator('.ow-actions__button--refuse', { hasText: '不予受理' }).waitFor();
  expect(await current(page).locator('.ow-actions__button--approve').count()).toBe(0);
  await act(page, 'accept');
  await seen(page, '已受理').waitFor();
  await current(page).locator('.ow-timeline').getByText('受理', { exact: true }).waitFor();
  expect(errors).toEqual([]);
});

test('the approver reviews and approves it; the applicant is told by SMS', async () => {
  const { page, errors } = await staffPage('approver');
  // The inbox lists open cases most urgent first, as the gateway sorted them.
  await current(page).locator(`.ow-app-card[data-number="${number}"]`).getByText('已受理').waitFor();
  const shown = await current(page).locator('.ow-app-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-number')));
  const login = await journey.gw.request('POST', '/api/v1/auth/staff-login', { body: { username: 'approver', password: STAFF_PASSWORD } });
  const api = await journey.gw.request('GET', '/api/v1/staff/applications?pageSize=50', { token: login.body.token });
  expect(shown).toEqual(api.body.items.map((a: { number: string }) => a.number));

  await current(page).locator(`.ow-app-card[data-number="${number}"]`).click();
  await waitForPath(page, '/packages/staff/application/index');
  await act(page, 'start_review');
  await seen(page, '审查中').waitFor();
  await act(page, 'approve');
  await seen(page, '审批通过').waitFor();
  await current(page).locator('.ow-timeline').getByText('审批通过', { exact: true }).waitFor();
  await current(page).locator('.ow-actions__button--mark_ready', { hasText: '结果待领取' }).waitFor();
  await saveScreenshot(page, 'staff-application');

  await deliverQueuedSms();
  const toApplicant = journey.sms.sent.filter((m) => m.phone === APPLICANT_PHONE);
  expect(toApplicant.map((m) => m.params.number)).toEqual([number, number]); // accepted, then approved
  expect(toApplicant.some((m) => /审批通过|approved/i.test(JSON.stringify(m)))).toBe(true);
  expect(errors).toEqual([]);
});

test('the supervisor sees the SMS in the log and the case on the dashboard', async () => {
  const { page, errors } = await staffPage('supervisor');
  await tap(page, '短信');
  await waitForPath(page, '/packages/staff/messages/index');
  const approved = current(page).locator('.sms-log__item', { hasText: `您的办件${number}（食品经营许可）已审批通过` });
  await approved.waitFor();
  await approved.getByText(/139\*\*\*\*1234 · 已发送/).waitFor();
  await saveScreenshot(page, 'staff-sms-log');

  await tap(page, '督办');
  await waitForPath(page, '/packages/staff/supervision/index');
  await seen(page, /在办 \d+ 件/).waitFor();
  for (const label of ['红灯（超期）', '黄灯（临期）', '绿灯（正常）', '按时办结率', '按部门', '超期办件']) await seen(page, label).waitFor();
  await seen(page, '准格尔旗市场监督管理局').waitFor();
  await saveScreenshot(page, 'staff-supervision');
  expect(errors).toEqual([]);
});

test('a clerk calls a walk-in ticket at the window and the hall display shows it', async () => {
  const { page, errors } = await staffPage('clerk');
  await tap(page, '叫号');
  await waitForPath(page, '/packages/staff/queue/index');
  await tap(page, '发放现场号');
  await seen(page, /等候中 1 人/).waitFor();
  const ticket = (await current(page).locator('.queue__waiting-number').first().innerText()).trim();
  expect(ticket).toMatch(/^A\d+$/);
  await tap(page, '叫下一位');
  await current(page).locator('.queue__called .queue__number', { hasText: ticket }).waitFor();
  await saveScreenshot(page, 'staff-queue');

  const display = await journey.open('/packages/staff/hall/index?point=banner-hall');
  await seen(display.page, '准格尔旗政务服务中心').waitFor();
  await current(display.page).locator('.hall__now-number', { hasText: ticket }).waitFor();
  await seen(display.page, /号到市场准入综合窗口1号柜台办理/).waitFor();
  await saveScreenshot(display.page, 'hall-display');

  await current(page).locator('.queue__called').locator('taro-button-core', { hasText: '已办理' }).click();
  await seen(page, '暂无，点击“叫下一位”').waitFor();
  expect(errors).toEqual([]);
  expect(display.errors).toEqual([]);
});
