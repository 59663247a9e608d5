/**
 * Complaints in Debian's Chromium against a real gateway: a resident files one with a photo and
 * follows it (signed in, and by tracking number + phone digits without an account), adds
 * information; the supervisor acknowledges and answers it; the resident confirms and rates.
 * The tests run in order and share the item.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { saveScreenshot } from '../../support/browser';
import { current, field, loginStaff, loginWithSms, seen, startJourney, tap, waitForPath, type Journey } from './journey';

jest.setTimeout(300_000);

const PHONE = '13987654321';
let journey: Journey;
let resident: Page;
let residentErrors: string[];
let trackingNumber: string;

beforeAll(async () => {
  journey = await startJourney('mp-complaints');
  ({ page: resident, errors: residentErrors } = await journey.open('/packages/me/login/index'));
  await loginWithSms(resident, journey.sms, PHONE);
  await waitForPath(resident, '/packages/me/index/index');
});

afterAll(async () => {
  await journey?.stop();
});

function photoFile(): string {
  const png = new PNG({ width: 48, height: 48 });
  png.data.fill(120);
  const path = join(mkdtempSync(join(tmpdir(), 'ow-photo-')), '窗口现场.png');
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

test('file a complaint with a photo and follow it', async () => {
  await resident.goto(`${journey.gw.url}/`);
  await tap(resident, '投诉建议');
  await waitForPath(resident, '/packages/complaints/new/index');
  await tap(resident, '服务态度');
  await field(resident, '请写明时间、地点、经过和您的诉求').fill('3月2日上午在市场准入窗口办理营业执照，工作人员态度生硬，让我回去等通知。');
  await field(resident, '如：市场准入综合窗口').fill('市场准入综合窗口');
  const chooser = resident.waitForEvent('filechooser');
  await current(resident).locator('.ow-photo-picker .nut-uploader-upload').click();
  await (await chooser).setFiles(photoFile());
  await current(resident).locator('.ow-photo-picker .nut-uploader-preview').first().waitFor();
  await saveScreenshot(resident, 'complaint-new');

  await tap(resident, '提交');
  await waitForPath(resident, '/packages/complaints/detail/index');
  trackingNumber = new URL(resident.url()).searchParams.get('tn')!;
  expect(trackingNumber).toBeTruthy();
  await seen(resident, `查询码 ${trackingNumber}`).waitFor();
  await seen(resident, '已收到').waitFor();
  await seen(resident, /照片 1 张：窗口现场\.png/).waitFor();

  await field(resident, '补充新的情况或证据说明').fill('当时是上午10点左右，3号柜台。');
  await tap(resident, '提交补充');
  await seen(resident, /补充（.*）：当时是上午10点左右，3号柜台。/).waitFor();
  await saveScreenshot(resident, 'complaint-detail');

  await resident.goto(`${journey.gw.url}/packages/complaints/mine/index`);
  await current(resident).locator(`[data-tracking-number="${trackingNumber}"]`).getByText('已收到').waitFor();
  await saveScreenshot(resident, 'complaints-mine');
  expect(residentErrors).toEqual([]);
});

test('anyone with the tracking number and the last four digits can follow it', async () => {
  const { page, errors } = await journey.open('/packages/complaints/detail/index');
  await field(page, '提交后显示或短信中的查询码').fill(trackingNumber);
  await field(page, '提交时所留手机号的后四位').fill('0000');
  await tap(page, '查看进度');
  await seen(page, /未找到/).waitFor();

  await page.goto(`${journey.gw.url}/packages/complaints/detail/index`);
  await field(page, '提交后显示或短信中的查询码').fill(trackingNumber);
  await field(page, '提交时所留手机号的后四位').fill(PHONE.slice(-4));
  await tap(page, '查看进度');
  await seen(page, `查询码 ${trackingNumber}`).waitFor();
  await seen(page, '补充说明').first().waitFor();
  await saveScreenshot(page, 'complaint-follow');
  expect(errors).toEqual([]);
});

test('the supervisor acknowledges and answers it; the resident confirms and rates the answer', async () => {
  const { page: staff, errors } = await journey.open('/packages/staff/complaints/index');
  await waitForPath(staff, '/packages/staff/login/index');
  await loginStaff(staff, 'supervisor');
  await waitForPath(staff, '/packages/staff/complaints/index');
  await current(staff).locator(`[data-tracking-number="${trackingNumber}"]`).click();
  await waitForPath(staff, '/packages/staff/complaint/index');
  await seen(staff, /窗口现场\.png/).waitFor();
  await seen(staff, /当时是上午10点左右/).waitFor();

  await current(staff).locator('.staff-complaint__action--acknowledge').click();
  await staff.locator('.nut-dialog-footer-ok').filter({ visible: true }).click();
  await seen(staff, '已签收').first().waitFor();
  await current(staff).locator('.staff-complaint__action--reply').click();
  await staff.locator('.nut-dialog').filter({ visible: true }).locator('textarea').fill('经核查，当班人员已作批评教育，您的营业执照已于当日办结，欢迎监督。');
  await staff.locator('.nut-dialog-footer-ok').filter({ visible: true }).click();
  await seen(staff, '已答复').first().waitFor();
  await saveScreenshot(staff, 'staff-complaint');
  expect(errors).toEqual([]);

  await resident.goto(`${journey.gw.url}/packages/complaints/detail/index?tn=${trackingNumber}`);
  await seen(resident, /当班人员已作批评教育/).waitFor();
  await tap(resident, '确认办结');
  await seen(resident, '已办结').first().waitFor();
  await seen(resident, '评价本次办理').waitFor();
  await current(resident).locator('.nut-rate-item').nth(4).click();
  await seen(resident, '非常满意').waitFor();
  await tap(resident, '提交评价');
  await seen(resident, '您已评价，感谢您的监督！').waitFor();
  // Rated: the item can no longer be reopened.
  expect(await current(resident).getByText('申请重新办理').count()).toBe(0);
  await saveScreenshot(resident, 'complaint-rated');
  expect(residentErrors).toEqual([]);
});
