/** Online applications: real-name residents submit, upload materials (good and bad files), and only they see them. */
import { seedDemoData } from '../../../gateway/seed';
import { demoGuides } from '../../../gateway/seed/guides';
import { AuditLogModel } from '../../../models/audit-log';
import { createResident, createStaff } from '../../support/factories';
import { startTestGateway, type TestGateway } from '../../support/gateway';

let gw: TestGateway;
const onlineGuide = demoGuides.find((g) => g.online && g.materials.length > 0)!;
const offlineGuide = demoGuides.find((g) => !g.online)!;

// Minimal real files: a 1×1 PNG and a tiny PDF header.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  gw = await startTestGateway({ label: 'apponline' });
  await seedDemoData();
});
afterAll(() => gw.stop());

async function realNameResident(phone: string, idNumber: string) {
  const r = await createResident(phone);
  const res = await gw.request('PUT', '/api/v1/me/real-name', { token: r.token, body: { name: '赵敏', idNumber } });
  expect(res.status).toBe(200);
  return r;
}

function upload(token: string, number: string, index: number, files: Array<{ name: string; data: Buffer; type: string }>) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  return fetch(`${gw.url}/api/v1/applications/${number}/materials/${index}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).then(async (r) => ({ status: r.status, body: await r.json() }));
}

it('needs real-name binding, and an item that can be done online', async () => {
  const plain = await createResident('13611110000');
  const res = await gw.request('POST', '/api/v1/applications', { token: plain.token, body: { guideCode: onlineGuide.code } });
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('identity.real_name_required');
  const bound = await realNameResident('13611110001', '110101199003071006');
  const offline = await gw.request('POST', '/api/v1/applications', { token: bound.token, body: { guideCode: offlineGuide.code } });
  expect(offline.body.error.code).toBe('application.not_online');
});

it('submits, takes good files, refuses bad ones, and shows the case only to its applicant', async () => {
  const alice = await realNameResident('13611110002', '15020319900101103X');
  const submitted = await gw.request('POST', '/api/v1/applications', { token: alice.token, body: { guideCode: onlineGuide.code } });
  expect(submitted.status).toBe(201);
  const number = submitted.body.number;
  expect(submitted.body).toMatchObject({ state: 'submitted', channel: 'online', applicant: { name: '赵*', phone: '136****0002' } });
  expect(submitted.body.materials.length).toBe(onlineGuide.materials.length);

  const good = await upload(alice.token, number, 0, [{ name: '身份证.png', data: PNG, type: 'image/png' }, { name: '申请表.pdf', data: PDF, type: 'application/pdf' }]);
  expect(good.status).toBe(200);
  // Files of one multipart request are stored as they finish arriving, in no fixed order.
  expect(good.body.materials[0].files.map((f: { name: string }) => f.name).sort()).toEqual(['申请表.pdf', '身份证.png'].sort());

  const disguised = await upload(alice.token, number, 0, [{ name: 'photo.png', data: Buffer.from('MZ this is an exe'), type: 'image/png' }]);
  expect(disguised.status).toBe(400);
  expect(disguised.body.error.code).toBe('file.type_not_allowed');
  expect(disguised.body.error.message).toContain('格式不支持');

  const huge = await upload(alice.token, number, 0, [{ name: 'big.pdf', data: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), type: 'application/pdf' }]);
  expect(huge.status).toBe(400);
  expect(huge.body.error.code).toBe('file.too_large');

  const noSuchMaterial = await upload(alice.token, number, 99, [{ name: 'a.png', data: PNG, type: 'image/png' }]);
  expect(noSuchMaterial.body.error.code).toBe('application.material_unknown');

  // The applicant downloads her file; staff can too (audited); another resident cannot even see the case.
  const fileId = good.body.materials[0].files.find((f: { name: string }) => f.name === '身份证.png').id;
  const own = await fetch(`${gw.url}/api/v1/applications/${number}/files/${fileId}`, { headers: { authorization: `Bearer ${alice.token}` } });
  expect(own.status).toBe(200);
  expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);
  const clerk = await createStaff(['clerk'], { servicePoint: 'banner-hall' });
  const byStaff = await fetch(`${gw.url}/api/v1/applications/${number}/files/${fileId}`, { headers: { authorization: `Bearer ${clerk.token}` } });
  expect(byStaff.status).toBe(200);
  expect(await AuditLogModel.exists({ action: 'application.read_material', targetId: number })).toBeTruthy();

  const bob = await realNameResident('13611110003', '110101199003071022');
  expect((await gw.request('GET', `/api/v1/applications/${number}`, { token: bob.token })).status).toBe(404);
  expect((await upload(bob.token, number, 0, [{ name: 'a.png', data: PNG, type: 'image/png' }])).status).toBe(404);
  expect((await fetch(`${gw.url}/api/v1/applications/${number}/files/${fileId}`, { headers: { authorization: `Bearer ${bob.token}` } })).status).toBe(404);
  expect((await gw.request('GET', '/api/v1/applications/mine', { token: bob.token })).body.items).toEqual([]);

  const mine = await gw.request('GET', '/api/v1/applications/mine', { token: alice.token });
  expect(mine.body.items.map((a: { number: string }) => a.number)).toEqual([number]);
  const detail = await gw.request('GET', `/api/v1/applications/${number}`, { token: alice.token });
  expect(detail.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'supply']);
});
