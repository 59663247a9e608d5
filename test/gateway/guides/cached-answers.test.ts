/**
 * Residents' guide reads are answered from answers serialized once per catalogue build: the bytes
 * are exactly what Koa sends for the answer object, and every change to the guides (through the
 * API, or by another instance directly in the database) is seen by the very next request.
 */
import { loadedCatalogue, reloadCatalogue } from '../../../gateway/guides/catalogue';
import { demoGuides } from '../../../gateway/seed/guides';
import { GuideModel } from '../../../models/guide';
import type { TestGateway } from '../../support/gateway';
import { startSeededGuideGateway } from '../../support/guides';
import { waitFor } from '../../support/wait';

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  ({ gw, admin } = await startSeededGuideGateway('cached_answers'));
});
afterAll(() => gw.stop());

const searchPath = (q: string) => `/api/v1/guides?q=${encodeURIComponent(q)}&pageSize=5`;
const queryString = (path: string) => path.slice(path.indexOf('?') + 1);
const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((i) => i.name);
const guideNamed = (name: string) => demoGuides.find((g) => g.name === name)!;

describe('answers kept with the catalogue', () => {
  it('answers a repeated search with the same bytes, exactly as Koa serializes the answer object', async () => {
    const path = searchPath('结婚');
    const first = await gw.request('GET', path);
    const second = await gw.request('GET', path);
    expect(first.status).toBe(200);
    expect(names(first)).toContain('结婚登记');
    expect(second.text).toBe(first.text);
    expect(JSON.stringify(JSON.parse(first.text))).toBe(first.text);
    expect(loadedCatalogue()!.answers.search.get(queryString(path))?.toString()).toBe(first.text);
    // The headers an object body gets from Koa.
    const objectBody = await gw.request('GET', '/api/v1/life-events');
    for (const res of [first, second]) {
      expect(res.headers.get('content-type')).toBe(objectBody.headers.get('content-type'));
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(first.text));
    }
  });

  it('answers a guide detail the same way, and an unknown code with a 404 that is not kept', async () => {
    const { code } = guideNamed('离婚登记');
    const first = await gw.request('GET', `/api/v1/guides/${code}`);
    const second = await gw.request('GET', `/api/v1/guides/${code}`);
    expect(first.body).toMatchObject({ code, name: '离婚登记' });
    expect(second.text).toBe(first.text);
    expect(JSON.stringify(JSON.parse(first.text))).toBe(first.text);
    expect(loadedCatalogue()!.answers.detail.get(code)?.toString()).toBe(first.text);
    expect((await gw.request('GET', '/api/v1/guides/NO-SUCH-CODE')).status).toBe(404);
    expect(loadedCatalogue()!.answers.detail.get('NO-SUCH-CODE')).toBeUndefined();
  });

  it('validates what it has not answered before', async () => {
    const bad = await gw.request('GET', '/api/v1/guides?pageSize=500');
    expect(bad.status).toBe(400);
    expect(loadedCatalogue()!.answers.search.get('pageSize=500')).toBeUndefined();
    expect((await gw.request('GET', '/api/v1/guides?pageSize=500')).status).toBe(400);
  });
});

describe('a change to the guides', () => {
  it('is seen by the next request when made through the API', async () => {
    const guide = guideNamed('结婚登记');
    const path = searchPath('结婚登记');
    expect(names(await gw.request('GET', path))[0]).toBe('结婚登记');
    expect((await gw.request('GET', `/api/v1/guides/${guide.code}`)).body.name).toBe('结婚登记');
    const input = { ...JSON.parse(JSON.stringify(guide)), name: '结婚登记（缓存测试改名）' };
    const edited = await gw.request('PUT', `/api/v1/staff/guides/${guide.code}`, { token: admin, body: { guide: input } });
    expect(edited.status).toBe(200);
    expect(names(await gw.request('GET', path))).toContain('结婚登记（缓存测试改名）');
    expect((await gw.request('GET', `/api/v1/guides/${guide.code}`)).body.name).toBe('结婚登记（缓存测试改名）');
  });

  it('is seen when another instance changes a guide directly in the database', async () => {
    const guide = guideNamed('离婚登记');
    const path = searchPath('离婚登记');
    expect(names(await gw.request('GET', path))[0]).toBe('离婚登记');
    expect(loadedCatalogue()!.answers.search.get(queryString(path))).toBeDefined();
    await GuideModel.updateOne({ code: guide.code }, { $set: { name: '离婚登记（另一实例改名）' } });
    await waitFor(async () => names(await gw.request('GET', path))[0] === '离婚登记（另一实例改名）');
    expect((await gw.request('GET', `/api/v1/guides/${guide.code}`)).body.name).toBe('离婚登记（另一实例改名）');
  });

  it('is not undone by an older catalogue rebuild that finishes after a newer one', async () => {
    const { code } = guideNamed('居民身份证申领');
    const published = await GuideModel.find({ status: 'published' }).lean();
    const stale = published.map((g) => ({ ...g, name: `过期：${g.name}` }));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The next rebuild reads "stale" guides and is held back until the newer one is installed.
    const find = jest.spyOn(GuideModel, 'find').mockImplementationOnce((() => ({ lean: () => released.then(() => stale) })) as never);
    try {
      const older = reloadCatalogue();
      await waitFor(async () => find.mock.calls.length === 1, undefined, 'the held-back rebuild reading the guides');
      await reloadCatalogue();
      release();
      await older;
    } finally {
      find.mockRestore();
    }
    expect(loadedCatalogue()!.guides.get(code)?.name).toBe('居民身份证申领');
    expect((await gw.request('GET', `/api/v1/guides/${code}`)).body.name).toBe('居民身份证申领');
  });
});
