/** Guides through HTTP: search, detail with where and when, type-ahead, administration, exchange. */
import { demoGuides } from '../../../gateway/seed/guides';
import { GuideModel } from '../../../models/guide';
import { createStaff } from '../../support/factories';
import type { TestGateway } from '../../support/gateway';
import { startSeededGuideGateway } from '../../support/guides';
import { waitFor } from '../../support/wait';

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  ({ gw, admin } = await startSeededGuideGateway('guides'));
});
afterAll(() => gw.stop());

const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((i) => i.name);

describe('search', () => {
  it('finds the item a resident means in their own words', async () => {
    const res = await gw.request('GET', `/api/v1/guides?q=${encodeURIComponent('开饭店要办什么证')}`);
    expect(res.status).toBe(200);
    expect(names(res)[0]).toContain('食品经营许可');
    expect(res.body.items[0]).toMatchObject({ code: expect.any(String), windowName: '市场准入', caseType: expect.any(String) });
  });

  it('understands pinyin initials and homophone typos', async () => {
    expect(names(await gw.request('GET', '/api/v1/guides?q=sfz')).slice(0, 3).join()).toContain('居民身份证');
    expect(names(await gw.request('GET', `/api/v1/guides?q=${encodeURIComponent('结昏登记')}`))[0]).toContain('结婚登记');
  });

  it('filters by window, life event, point, online and bookable, and pages', async () => {
    const social = await gw.request('GET', '/api/v1/guides?window=social_affairs&pageSize=50');
    expect(social.body.total).toBe(demoGuides.filter((g) => g.window === 'social_affairs').length);
    expect(social.body.items.every((i: { window: string }) => i.window === 'social_affairs')).toBe(true);
    const village = await gw.request('GET', '/api/v1/guides?point=dalu-xiaotanzi&pageSize=50');
    expect(village.body.total).toBe(demoGuides.filter((g) => g.handledAt.some((h) => h.point === 'dalu-xiaotanzi')).length);
    const marriage = await gw.request('GET', `/api/v1/guides?lifeEvent=${encodeURIComponent('婚姻')}`);
    expect(names(marriage)).toEqual(expect.arrayContaining(['结婚登记', '离婚登记']));
    const online = await gw.request('GET', '/api/v1/guides?online=true&pageSize=50');
    expect(online.body.items.every((i: { online: boolean }) => i.online)).toBe(true);
    const page2 = await gw.request('GET', '/api/v1/guides?page=2&pageSize=5');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 5, total: demoGuides.length });
    expect(page2.body.items).toHaveLength(5);
  });

  it('answers bad parameters with a readable 400', async () => {
    const res = await gw.request('GET', '/api/v1/guides?pageSize=500');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/每页条数/);
    expect((await gw.request('GET', '/api/v1/guides?window=space')).status).toBe(400);
  });

  it('suggests as the resident types, and lists life events', async () => {
    const res = await gw.request('GET', `/api/v1/guides/suggest?q=${encodeURIComponent('营业')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    const events = await gw.request('GET', '/api/v1/life-events');
    expect(events.body.items.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['开办企业', '婚姻', '户籍']));
  });
});

describe('detail', () => {
  it('gives the whole guide with the points and windows that handle it', async () => {
    const food = demoGuides.find((g) => g.name === '食品经营许可')!;
    const res = await gw.request('GET', `/api/v1/guides/${food.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '食品经营许可', legalBasis: food.legalBasis, promisedTimeLimitDays: food.promisedTimeLimitDays });
    expect(res.body.materials.length).toBe(food.materials.length);
    expect(res.body.handledAt[0]).toMatchObject({ code: 'banner-hall', name: '准格尔旗政务服务中心', windows: [expect.objectContaining({ code: 'market' })] });
    expect(res.body.handledAt[0].openingHours.morning).toEqual({ start: '09:00', end: '12:00' });
  });

  it('is 404 in the error shape for an unknown code', async () => {
    const res = await gw.request('GET', '/api/v1/guides/NO-SUCH-CODE');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'guide.not_found', message: '未找到该办事事项' });
  });
});

describe('administration', () => {
  const input = () => ({
    ...JSON.parse(JSON.stringify(demoGuides.find((g) => g.name === '犬只登记') ?? demoGuides[0])),
    code: '11150622TEST0000014000999001',
    name: '网络预约出租汽车驾驶员证核发',
    keywords: ['网约车', '开滴滴'],
  });

  it('creates a draft that residents cannot see until it is published; edits make versions; retiring hides it', async () => {
    const created = await gw.request('POST', '/api/v1/staff/guides', { token: admin, body: input() });
    expect(created.status).toBe(201);
    const search = () => gw.request('GET', `/api/v1/guides?q=${encodeURIComponent('网约车')}`);
    expect(names(await search())).not.toContain('网络预约出租汽车驾驶员证核发');
    expect((await gw.request('GET', `/api/v1/guides/${input().code}`)).status).toBe(404);

    expect((await gw.request('POST', `/api/v1/staff/guides/${input().code}/publish`, { token: admin })).status).toBe(200);
    expect(names(await search())[0]).toBe('网络预约出租汽车驾驶员证核发');

    const edited = await gw.request('PUT', `/api/v1/staff/guides/${input().code}`, { token: admin, body: { guide: { ...input(), promisedTimeLimitDays: 3 }, note: '压缩时限' } });
    expect(edited.status).toBe(200);
    expect((await gw.request('GET', `/api/v1/guides/${input().code}`)).body.promisedTimeLimitDays).toBe(3);
    const history = await gw.request('GET', `/api/v1/staff/guides/${input().code}/versions`, { token: admin });
    expect(history.body.items.map((v: { action: string }) => v.action)).toEqual(['update', 'publish', 'create']);
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);

    await gw.request('POST', `/api/v1/staff/guides/${input().code}/retire`, { token: admin });
    expect((await gw.request('GET', `/api/v1/guides/${input().code}`)).status).toBe(404);
    expect(names(await search())).not.toContain('网络预约出租汽车驾驶员证核发');
  });

  it('refuses invalid guides with a field message, duplicates, and non-administrators', async () => {
    const bad = await gw.request('POST', '/api/v1/staff/guides', { token: admin, body: { ...input(), code: 'X1', promisedTimeLimitDays: 99, legalTimeLimitDays: 5 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/实施编码/);
    const late = await gw.request('POST', '/api/v1/staff/guides', { token: admin, body: { ...input(), code: '11150622TEST0000014000999777', promisedTimeLimitDays: 99, legalTimeLimitDays: 5 } });
    expect(late.body.error.message).toContain('承诺办结时限不能超过法定办结时限');
    const dup = await gw.request('POST', '/api/v1/staff/guides', { token: admin, body: { ...input(), code: demoGuides[0].code } });
    expect(dup.status).toBe(409);
    const clerk = await createStaff(['clerk']);
    expect((await gw.request('POST', '/api/v1/staff/guides', { token: clerk.token, body: input() })).status).toBe(403);
  });

  it('sees a change made by another instance (directly in the database)', async () => {
    await GuideModel.updateOne({ code: demoGuides[1].code }, { $set: { name: '测试：另一实例修改的事项名称' } });
    await waitFor(async () => names(await gw.request('GET', `/api/v1/guides?q=${encodeURIComponent('另一实例修改')}`))[0] === '测试：另一实例修改的事项名称');
  });
});

describe('exchange', () => {
  it('exports in implementation-list field names and imports the rows back', async () => {
    const exported = await gw.request('GET', '/api/v1/staff/guides/export', { token: admin });
    expect(exported.status).toBe(200);
    const row = exported.body.find((r: Record<string, unknown>) => r['事项名称'] === '结婚登记');
    expect(row).toMatchObject({ 实施编码: expect.any(String), 所属窗口: '社会事业', 是否网办: expect.stringMatching(/是|否/), 状态: '已发布' });
    expect(row['申请材料'][0]).toHaveProperty('材料名称');
    row['承诺办结时限（工作日）'] = 0;
    const imported = await gw.request('POST', '/api/v1/staff/guides/import', { token: admin, body: [row] });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ total: 1, created: 0, updated: 1, invalid: [] });
    expect((await gw.request('GET', `/api/v1/guides/${row['实施编码']}`)).body.promisedTimeLimitDays).toBe(0);
  });

  it('reports every invalid row and imports nothing when any row is bad', async () => {
    const rows = [
      { 实施编码: '11150622TEST0000014000888001', 事项名称: '新增测试事项', 事项类型: '公共服务', 所属窗口: '社会事业', 实施主体: '准格尔旗民政局', 设定依据: ['《社会救助暂行办法》'], '法定办结时限（工作日）': 10, '承诺办结时限（工作日）': 5, 办件类型: '承诺件' },
      { 实施编码: '11150622TEST0000014000888002', 事项名称: '', 事项类型: '公共服务', 所属窗口: '火星窗口', 实施主体: '某局', 设定依据: [], '法定办结时限（工作日）': 'ten', '承诺办结时限（工作日）': 5, 办件类型: '承诺件' },
    ];
    const res = await gw.request('POST', '/api/v1/staff/guides/import', { token: admin, body: rows });
    expect(res.status).toBe(422);
    expect(res.body.invalid).toHaveLength(1);
    expect(res.body.invalid[0].row).toBe(2);
    expect(res.body.invalid[0].errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['事项名称', '所属窗口', '设定依据', '法定办结时限（工作日）']));
    expect(await GuideModel.exists({ code: '11150622TEST0000014000888001' })).toBeNull();
  });
});
