/**
 * Public look-ups cannot enumerate tracking numbers or guess the four digits: they are limited per
 * tracking number (right or wrong) and per client address; the bot's chat users, who share the
 * bot's address, are limited one by one.
 */
import { COMPLAINT_RULES } from '../../../gateway/complaints/rules';
import { newTrackingNumber } from '../../../gateway/complaints/tracking';
import { fileAsPhone } from '../../support/complaints';
import { startTestGateway, type TestGateway } from '../../support/gateway';

const BOT_TOKEN = 'bot-token-for-lookup-limit-tests';
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ label: 'complaint_limits', env: { BOT_TOKEN } });
});
afterAll(() => gw.stop());

it('stops guessing the digits of one number, even the right digits afterwards', async () => {
  const { trackingNumber } = await fileAsPhone(gw, '13800003333');
  const perNumber = COMPLAINT_RULES.lookup.attemptsPerNumber.limit;
  for (let i = 0; i < perNumber; i++) {
    const guess = String(1000 + i);
    expect((await gw.request('GET', `/api/v1/complaints/${trackingNumber}?phoneLast4=${guess}`)).status).toBe(404);
  }
  const right = await gw.request('GET', `/api/v1/complaints/${trackingNumber}?phoneLast4=3333`);
  expect(right.status).toBe(429);
  expect(right.body.error.code).toBe('complaint.lookup_limited');
  expect(right.headers.get('retry-after')).toBeTruthy();
});

it('limits one address walking through numbers, but not the chat users behind the bot', async () => {
  const perAddress = COMPLAINT_RULES.lookup.perAddress[0].limit;
  let status = 0;
  // Windows are aligned to the clock: within two windows' worth the limit must have answered.
  for (let i = 0; i < perAddress * 2 && status !== 429; i++) {
    status = (await gw.request('GET', `/api/v1/complaints/${newTrackingNumber()}?phoneLast4=0000`)).status;
    if (status !== 429) expect(status).toBe(404);
  }
  expect(status).toBe(429);
  const viaBot = await gw.request('GET', `/api/v1/complaints/${newTrackingNumber()}?phoneLast4=0000`, { headers: { authorization: `Bot ${BOT_TOKEN}`, 'x-chat-user': 'wxid_someone' } });
  expect(viaBot.status).toBe(404);
});
