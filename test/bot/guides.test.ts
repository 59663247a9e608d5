/** Guide look-ups through the bot: search, follow-ups on the same guide, the help menu, groups, self-messages. */
import { demoGuides } from '../../gateway/seed/guides';
import { startBotWorld, type BotWorld } from './world';

jest.setTimeout(120_000);

let world: BotWorld;
const food = demoGuides.find((g) => g.name === '食品经营许可')!;

beforeAll(async () => {
  world = await startBotWorld('bot_guides');
});
afterAll(async () => {
  await world?.stop();
});

it('shows the help menu', async () => {
  const r = world.harness.resident('张三');
  const reply = await r.ask('你好');
  expect(reply).toContain('查办事指南');
  expect(reply).toContain('转人工');
});

it('finds the guide for "开饭店要办什么证" and answers follow-ups about the same guide', async () => {
  const r = world.harness.resident('李四');
  const found = await r.ask('开饭店要办什么证');
  expect(found).toContain(`【${food.name}】`);
  expect(found).toContain('要带什么材料');

  const materials = await r.ask('要带什么材料');
  expect(materials).toContain(`【${food.name}】需要准备`);
  expect(materials).toContain(food.materials[0].name);

  const duration = await r.ask('多久能办好');
  expect(duration).toContain(`承诺${food.promisedTimeLimitDays}个工作日`);

  const where = await r.ask('在哪里办');
  expect(where).toContain('办理地点');
  expect(where).toContain(food.location ?? '政务服务中心');

  const fees = await r.ask('要钱吗');
  expect(fees).toMatch(food.fees?.charged ? /收费/ : /不收费/);
});

it('answers a follow-up that names its own item, and lets the resident pick another result by number', async () => {
  const r = world.harness.resident('王五');
  const logging = demoGuides.find((g) => g.name === '林木采伐许可证核发')!;
  const materials = await r.ask('林木采伐许可证要带什么材料');
  expect(materials).toContain(`【${logging.name}】需要准备`);
  expect(materials).toContain(logging.materials[0].name);

  const found = await r.ask('开饭店要办什么证');
  const second = found.match(/\n2\. (\S+?)（/)?.[1];
  expect(second).toBeTruthy();
  expect(await r.ask('2')).toContain(`【${second}】`);
  // The follow-up is now about the picked item.
  expect(await r.ask('要钱吗')).toContain(`【${second}】`);
});

it('asks which item a follow-up is about when nothing is in focus', async () => {
  const r = world.harness.resident('马六');
  expect(await r.ask('要带什么材料')).toContain('您想问哪个事项');
  expect(await r.ask('食品经营许可')).toContain(`【${food.name}】需要准备`);
});

it('says it did not understand chatter, and never searches it into nonsense', async () => {
  const r = world.harness.resident('牛七');
  expect(await r.ask('今天天气怎么样')).toContain('没听明白');
  expect(await r.ask('谢谢')).toContain('不客气');
});
