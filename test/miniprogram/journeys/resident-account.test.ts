/**
 * A resident's journeys with an account, in Debian's Chromium against a real gateway: log in with
 * an SMS code, bind the real name, book a slot, see it with its QR in "my bookings", reschedule
 * and cancel it; then apply online for a guide and upload a material photo.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { saveScreenshot } from '../../support/browser';
import { idNumberFor } from '../../support/booking-factories';
import { current, field, loginWithSms, seen, startJourney, tap, waitForPath, type Journey } from './journey';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsQR = require('jsqr') as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

jest.setTimeout(300_000);

const PHONE = '13912345678';
let journey: Journey;
let page: Page;
let errors: string[];

beforeAll(async () => {
  journey = await startJourney('mp-account');
  ({ page, errors } = await journey.open('/'));
});

afterAll(async () => {
  await journey?.stop();
});

/** Reads the QR code on screen back with jsQR: what a scanner at the window would get. */
async function scanQr(): Promise<string | undefined> {
  const shot = await current(page).locator('.ow-qr__frame').first().screenshot();
  const png = PNG.sync.read(shot);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

async function pickFirstFreeSlot(): Promise<string> {
  const slot = current(page).locator('.ow-slot--available').first();
  await slot.waitFor();
  const time = await slot.locator('.ow-slot__time').innerText();
  await slot.click();
  await seen(page, '确认预约信息').waitFor();
  return time;
}

test('log in → bind real name → book a slot → see it with its QR → reschedule → cancel', async () => {
  await tap(page, '预约办事');
  await waitForPath(page, '/packages/booking/new/index');
  await field(page, '搜索要预约办理的事项').fill('食品经营许可');
  await field(page, '搜索要预约办理的事项').press('Enter');
  await current(page).locator('.ow-guide-card', { hasText: '食品经营许可' }).first().click();
  // A guide handled at several places asks where; one handled at the hall only goes on to the slots.
  await seen(page, /^(选择日期和时段|选择办理网点)$/).waitFor();
  if (await seen(page, '选择办理网点').isVisible()) {
    await current(page).locator('.ow-point[data-point="banner-hall"]').locator('taro-button-core', { hasText: '选这里' }).click();
  }
  await seen(page, '选择日期和时段').waitFor();
  await pickFirstFreeSlot();
  await saveScreenshot(page, 'booking-new');

  // Not logged in yet: the confirm button leads to the SMS login and back.
  await tap(page, '登录后预约');
  await waitForPath(page, '/packages/me/login/index');
  await seen(page, '获取验证码').waitFor();
  await saveScreenshot(page, 'login');
  await loginWithSms(page, journey.sms, PHONE);
  await waitForPath(page, '/packages/booking/new/index');

  // Booking needs a bound real name: the gateway says so, and the page offers the way.
  await pickFirstFreeSlot();
  await tap(page, '确认预约');
  await seen(page, /实名认证/).waitFor();
  await tap(page, '去实名认证');
  await waitForPath(page, '/packages/me/real-name/index');
  await field(page, '与身份证一致的姓名').fill('王小明');
  await field(page, '18位居民身份证号码').fill('150622199001011234');
  await tap(page, '提交认证');
  await seen(page, '身份证号码有误，请核对后重新输入').waitFor();
  await field(page, '18位居民身份证号码').fill(idNumberFor(4242));
  await saveScreenshot(page, 'real-name');
  await tap(page, '提交认证');
  await waitForPath(page, '/packages/booking/new/index');

  const time = await pickFirstFreeSlot();
  await tap(page, '确认预约');
  await waitForPath(page, '/packages/booking/mine/index');
  const card = current(page).locator('.ow-booking').first();
  await card.getByText('已预约', { exact: true }).waitFor();
  await card.getByText('食品经营许可', { exact: true }).waitFor();
  await card.getByText(new RegExp(time)).waitFor();
  const code = await card.getAttribute('data-booking-code');
  expect(code).toMatch(/^[0-9A-Z]{4,12}$/);
  await card.getByText(`预约码 ${code}`).waitFor();
  expect(await scanQr()).toBe(`OW-BOOKING:${code}`);
  await saveScreenshot(page, 'booking-mine');

  // Reschedule to another slot.
  await tap(page, '改约');
  await waitForPath(page, '/packages/booking/new/index');
  await seen(page, '正在改约：请选择新的日期和时段').waitFor();
  const slots = current(page).locator('.ow-slot--available');
  await slots.first().waitFor();
  const other = slots.nth(1);
  const newTime = await other.locator('.ow-slot__time').innerText();
  await other.click();
  await tap(page, '确认改约');
  await waitForPath(page, '/packages/booking/mine/index');
  await current(page).locator('.ow-booking--booked').getByText(new RegExp(newTime)).waitFor();

  // Cancel it.
  await current(page).locator('.ow-booking--booked').first().locator('taro-button-core', { hasText: '取消预约' }).click();
  await page.locator('.nut-dialog').filter({ visible: true }).getByText(/确定取消“食品经营许可”/).waitFor();
  await page.locator('.nut-dialog-footer-ok').filter({ visible: true }).click();
  await current(page).locator('.ow-booking--cancelled').first().waitFor();
  expect(await current(page).locator('.ow-booking--booked').count()).toBe(0);
  await saveScreenshot(page, 'booking-cancelled');
  expect(errors).toEqual([]);
});

/** A small real PNG (a grey square), as a phone photo of a document would be. */
function photoFile(): string {
  const png = new PNG({ width: 64, height: 64 });
  png.data.fill(200);
  const path = join(mkdtempSync(join(tmpdir(), 'ow-upload-')), '营业执照.png');
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

test('apply online for a guide, upload a material photo, follow it in my applications', async () => {
  await page.goto(`${journey.gw.url}/packages/guides/search/index?q=${encodeURIComponent('食品经营许可')}`);
  await current(page).locator('.ow-guide-card', { hasText: '食品经营许可' }).first().click();
  await waitForPath(page, '/packages/guides/detail/index');
  await tap(page, '网上申报');
  await waitForPath(page, '/packages/applications/apply/index');
  await seen(page, /王\*/).waitFor(); // the bound real name, masked
  await saveScreenshot(page, 'application-apply');
  await tap(page, '提交申报');
  await waitForPath(page, '/packages/applications/detail/index');
  await seen(page, '已提交（待受理）').waitFor();
  const number = new URL(page.url()).searchParams.get('number');
  expect(number).toBeTruthy();

  const first = current(page).locator('.ow-uploads__item').first();
  await first.getByText('尚未上传').waitFor();
  const chooser = page.waitForEvent('filechooser');
  await first.locator('.nut-uploader-upload').click();
  await (await chooser).setFiles(photoFile());
  await first.getByText(/已上传：/).waitFor();
  await seen(page, /上传“.*”1个文件/).waitFor(); // the timeline records the upload
  await saveScreenshot(page, 'application-detail');

  await page.goto(`${journey.gw.url}/packages/applications/mine/index`);
  await current(page).locator(`.ow-app-card[data-number="${number}"]`).getByText('已提交（待受理）').waitFor();
  await current(page).locator(`.ow-app-card[data-number="${number}"]`).getByText('未计时').waitFor();
  await saveScreenshot(page, 'applications-mine');

  await page.goto(`${journey.gw.url}/packages/me/index/index`);
  await seen(page, /已认证/).waitFor();
  await saveScreenshot(page, 'me');
  await tap(page, '我的消息');
  await waitForPath(page, '/packages/me/messages/index');
  await seen(page, /您已成功预约/).waitFor();
  await saveScreenshot(page, 'me-messages');
  expect(errors).toEqual([]);
});
