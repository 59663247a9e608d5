/**
 * Open311 GeoReport v2, checked against the specification's example responses (element names,
 * JSON field names and types in test/fixtures/open311-georeport-v2.ts) with a real XML parser,
 * and driven with the spec's own example POST body.
 */
import { JSDOM } from 'jsdom';
import { ComplaintModel } from '../../models/complaint';
import { answer, complaintStaff, DEPARTMENT, type ComplaintActors } from '../support/complaints';
import { createStaff } from '../support/factories';
import type { FakeAliyun } from '../support/fake-aliyun';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { deliverQueuedSms, startSmsFake } from '../support/sms';
import { ENUMS, jsonProblems, specExamplePost, W3_DATETIME, XML_SHAPES } from '../fixtures/open311-georeport-v2';

const { DOMParser } = new JSDOM('').window;

let gw: TestGateway;
let fake: FakeAliyun;
let staff: ComplaintActors;
let admin: { token: string };
let apiKey: string;

beforeAll(async () => {
  const sms = await startSmsFake();
  fake = sms.fake;
  gw = await startTestGateway({ label: 'open311', env: sms.env });
  staff = await complaintStaff();
  admin = await createStaff(['admin']);
  const issued = await gw.request('POST', '/api/v1/staff/open311-keys', { token: admin.token, body: { name: '旗融媒体中心随手拍' } });
  expect(issued.status).toBe(201);
  apiKey = issued.body.key;
});
afterAll(async () => {
  await gw.stop();
  await fake.close();
});

async function getXml(path: string, init: RequestInit = {}) {
  const res = await fetch(gw.url + path, init);
  const text = await res.text();
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return { status: res.status, doc, root: doc.documentElement };
}

async function getJson(path: string, init: RequestInit = {}) {
  const res = await fetch(gw.url + path, init);
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return { status: res.status, body: await res.json() };
}

const childNames = (el: Element) => [...el.children].map((c) => c.nodeName);
const childText = (el: Element, name: string) => [...el.children].find((c) => c.nodeName === name)?.textContent ?? undefined;
const post = (ext: 'json' | 'xml', body: string) => fetch(`${gw.url}/open311/v2/requests.${ext}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body });

describe('services', () => {
  it('lists complaint and consultation categories as services, in XML and JSON', async () => {
    const { root } = await getXml('/open311/v2/services.xml');
    expect(root.nodeName).toBe(XML_SHAPES.services.root);
    const services = [...root.children];
    expect(services).toHaveLength(12);
    for (const s of services) {
      expect(s.nodeName).toBe(XML_SHAPES.services.item);
      expect(childNames(s).sort()).toEqual([...XML_SHAPES.services.children].sort());
      expect(ENUMS.boolean).toContain(childText(s, 'metadata'));
      expect(ENUMS.serviceType).toContain(childText(s, 'type'));
    }
    expect(childText(services[0], 'service_name')).toBe('投诉·服务态度');

    const json = await getJson('/open311/v2/services.json');
    expect(json.body).toHaveLength(12);
    for (const s of json.body) expect(jsonProblems(s, 'service')).toEqual([]);
    expect(json.body.map((s: { service_code: string }) => s.service_code)).toEqual(services.map((s) => childText(s, 'service_code')));
    expect(new Set(json.body.map((s: { group: string }) => s.group))).toEqual(new Set(['投诉', '咨询']));
  });

  it('answers every path under its prefix in any letter case, and leaves other paths to the API', async () => {
    const upper = await getJson('/OPEN311/v2/services.json');
    expect(upper.status).toBe(200);
    expect(upper.body).toHaveLength(12);
    const unknown = await getJson('/open311/v2/no-such-thing.json');
    expect(unknown.status).toBe(404);
    expect(Array.isArray(unknown.body)).toBe(true); // the spec's error list, not the API's error shape
    const beside = await getJson('/open311v2/services.json');
    expect(beside.status).toBe(404);
    expect(beside.body.error.code).toBe('route.not_found');
  });

  it('defines each service with its attributes', async () => {
    const { root } = await getXml('/open311/v2/services/complaint-bribery.xml');
    expect(root.nodeName).toBe(XML_SHAPES.serviceDefinition.root);
    expect(childNames(root)).toEqual(XML_SHAPES.serviceDefinition.children);
    const attributes = [...root.getElementsByTagName('attribute')];
    expect(attributes.length).toBeGreaterThan(0);
    for (const a of attributes) {
      for (const name of childNames(a)) expect(XML_SHAPES.serviceDefinition.attribute).toContain(name);
      expect(ENUMS.datatype).toContain(childText(a, 'datatype'));
    }
    const list = attributes.find((a) => childText(a, 'datatype') === 'singlevaluelist')!;
    for (const v of list.getElementsByTagName('value')) expect(childNames(v)).toEqual(XML_SHAPES.serviceDefinition.value);

    const json = await getJson('/open311/v2/services/complaint-bribery.json');
    expect(jsonProblems(json.body, 'serviceDefinition')).toEqual([]);
    for (const a of json.body.attributes) {
      expect(jsonProblems(a, 'attribute')).toEqual([]);
      for (const v of a.values ?? []) expect(jsonProblems(v, 'value')).toEqual([]);
    }
    expect(json.body.attributes.map((a: { order: number }) => a.order)).toEqual([1, 2, 3, 4, 5]);

    const missing = await getJson('/open311/v2/services/complaint-nothing.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.stringContaining('complaint-nothing') }]);
  });
});

describe('requests', () => {
  let id: string;

  it('refuses a request without a valid api_key, in the spec error format', async () => {
    const body = specExamplePost('', 'complaint-attitude').replace(/^api_key=&/, '');
    const res = await post('json', body);
    expect(res.status).toBe(403);
    const errors = await res.json();
    expect(errors).toHaveLength(1);
    expect(jsonProblems(errors[0], 'error')).toEqual([]);
    expect(errors[0].code).toBe(403);

    const xml = await post('xml', specExamplePost('o311_wrong', 'complaint-attitude'));
    expect(xml.status).toBe(403);
    const doc = new DOMParser().parseFromString(await xml.text(), 'text/xml');
    expect(doc.documentElement.nodeName).toBe(XML_SHAPES.errors.root);
    const error = doc.documentElement.children[0];
    expect(error.nodeName).toBe(XML_SHAPES.errors.item);
    expect(childNames(error)).toEqual(XML_SHAPES.errors.children);
    expect(childText(error, 'code')).toBe('403');
  });

  it("files the spec's example POST and answers with a service_request_id", async () => {
    const res = await post('json', specExamplePost(apiKey, 'complaint-attitude'));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toHaveLength(1);
    expect(jsonProblems(body[0], 'postResponse')).toEqual([]);
    expect(body[0]).toMatchObject({ service_request_id: expect.stringMatching(/^TS\d{8}/), account_id: '123456' });
    id = body[0].service_request_id;

    // It is an ordinary item: texted, handled by staff, with its location and target.
    await deliverQueuedSms();
    expect(fake.sent.some((m) => m.phone === '13800006666' && m.params.trackingNumber === id)).toBe(true);
    const staffView = await gw.request('GET', `/api/v1/staff/complaints/${id}`, { token: staff.supervisor.token });
    expect(staffView.body).toMatchObject({
      channel: 'open311',
      category: 'attitude',
      content: 'A large sinkhole is destroying the street',
      target: { department: DEPARTMENT },
      location: { lat: 37.76524078, lng: -122.4212043, address: '1234 5th street' },
      mediaUrl: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
      filer: { phone: '138****6666', name: 's*******n' },
    });

    const xml = await post('xml', specExamplePost(apiKey, 'consultation-other'));
    expect(xml.status).toBe(201);
    const doc = new DOMParser().parseFromString(await xml.text(), 'text/xml');
    expect(doc.documentElement.nodeName).toBe(XML_SHAPES.postResponse.root);
    const request = doc.documentElement.children[0];
    expect(request.nodeName).toBe(XML_SHAPES.postResponse.item);
    expect(childNames(request)).toEqual(XML_SHAPES.postResponse.children);
  });

  it('answers bad requests with 400 and unknown services with 404', async () => {
    const noDescription = await post('json', `api_key=${apiKey}&service_code=complaint-other&description=`);
    expect(noDescription.status).toBe(400);
    expect((await noDescription.json())[0].description).toContain('description');
    const badPhone = await post('json', `api_key=${apiKey}&service_code=complaint-other&description=x&phone=12345`);
    expect(badPhone.status).toBe(400);
    const unknown = await post('json', `api_key=${apiKey}&service_code=pothole&description=x`);
    expect(unknown.status).toBe(404);
    const suggestion = await post('json', `api_key=${apiKey}&service_code=suggestion-other&description=x`);
    expect(suggestion.status).toBe(404);
  });

  it('lists requests with open/closed status, notes and the expected answer time', async () => {
    await answer(gw, staff, id);
    await gw.request('POST', `/api/v1/staff/complaints/${id}/close`, { token: staff.supervisor.token, body: { note: '已电话回访' } });

    const json = await getJson('/open311/v2/requests.json');
    expect(json.status).toBe(200);
    expect(json.body.length).toBeGreaterThanOrEqual(2);
    for (const r of json.body) expect(jsonProblems(r, 'request')).toEqual([]);
    const mine = json.body.find((r: { service_request_id: string }) => r.service_request_id === id);
    const stored = await ComplaintModel.findOne({ trackingNumber: id }).lean();
    expect(mine).toMatchObject({
      status: 'closed',
      status_notes: '已办结',
      service_code: 'complaint-attitude',
      service_name: '投诉·服务态度',
      agency_responsible: DEPARTMENT,
      expected_datetime: `${stored!.answerBy}T23:59:59+08:00`,
      lat: 37.76524078,
      long: -122.4212043,
      description: null,
    });
    expect(new Date(mine.updated_datetime).getTime()).toBe(Math.floor(stored!.closedAt!.getTime() / 1000) * 1000);
    const open = json.body.find((r: { service_code: string }) => r.service_code === 'consultation-other');
    expect(open).toMatchObject({ status: 'open', status_notes: '已收到，等待签收' });

    const { root } = await getXml('/open311/v2/requests.xml');
    expect(root.nodeName).toBe(XML_SHAPES.requests.root);
    for (const r of root.children) {
      expect(r.nodeName).toBe(XML_SHAPES.requests.item);
      expect(childNames(r).sort()).toEqual([...XML_SHAPES.requests.children].sort());
      expect(ENUMS.status).toContain(childText(r, 'status'));
      expect(childText(r, 'requested_datetime')).toMatch(W3_DATETIME);
    }

    // With an api_key the description is included.
    const keyed = await getJson(`/open311/v2/requests/${id}.json?api_key=${apiKey}`);
    expect(keyed.body[0].description).toBe('A large sinkhole is destroying the street');
  });

  it('filters by status, service code, dates and ids, within 90 days and 1,000 rows', async () => {
    const ids = async (query: string) => ((await getJson(`/open311/v2/requests.json?${query}`)).body as Array<{ service_request_id: string }>).map((r) => r.service_request_id);
    expect(await ids('status=closed')).toEqual([id]);
    expect(await ids('status=open')).not.toContain(id);
    expect((await ids('status=open,closed')).length).toBe((await ids('')).length);
    expect(await ids('service_code=complaint-attitude')).toEqual([id]);
    expect(await ids('service_code=complaint-attitude,consultation-other')).toHaveLength(2);
    expect(await ids('start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z')).toEqual([]);
    const now = new Date();
    const start = new Date(now.getTime() - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(await ids(`start_date=${start}`)).toHaveLength(2);
    expect(await ids(`service_request_id=${id}&status=open`)).toEqual([id]); // the id overrides the rest
    expect(await ids('page_size=1')).toHaveLength(1);

    const tooLong = await getJson('/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z');
    expect(tooLong.status).toBe(400);
    expect(jsonProblems(tooLong.body[0], 'error')).toEqual([]);
    expect((await getJson('/open311/v2/requests.json?status=pending')).status).toBe(400);
    expect((await getJson('/open311/v2/requests.json?start_date=yesterday')).status).toBe(400);
    expect((await getJson('/open311/v2/requests.json?page_size=1001')).status).toBe(400);
  });

  it('reads one request and a token, and 404s unknown ones', async () => {
    const { root } = await getXml(`/open311/v2/requests/${id}.xml`);
    expect(root.nodeName).toBe('service_requests');
    expect(childText(root.children[0], 'service_request_id')).toBe(id);
    expect((await getJson(`/open311/v2/requests/${id}.json`)).body).toHaveLength(1);

    const token = await getJson(`/open311/v2/tokens/${id}.json`);
    expect(token.body).toEqual([{ service_request_id: id, token: id }]);
    for (const t of token.body) expect(jsonProblems(t, 'token')).toEqual([]);
    const tokenXml = await getXml(`/open311/v2/tokens/${id}.xml`);
    expect(childNames(tokenXml.root.children[0])).toEqual(XML_SHAPES.token.children);

    expect((await getJson('/open311/v2/requests/TS20260101AAAAAAAA.json')).status).toBe(404);
    const missingXml = await getXml('/open311/v2/tokens/TS20260101AAAAAAAA.xml');
    expect(missingXml.status).toBe(404);
    expect(missingXml.root.nodeName).toBe('errors');
    expect((await getJson('/open311/v2/nothing-here.json')).status).toBe(404);
    expect((await fetch(`${gw.url}/open311/v2/services.txt`)).status).toBe(404);
  });
});

describe('API keys', () => {
  it('are issued and revoked by administrators only, and a revoked key stops working', async () => {
    const clerk = await createStaff(['clerk']);
    expect((await gw.request('POST', '/api/v1/staff/open311-keys', { token: clerk.token, body: { name: 'x' } })).status).toBe(403);
    const issued = await gw.request('POST', '/api/v1/staff/open311-keys', { token: admin.token, body: { name: '临时测试' } });
    const list = await gw.request('GET', '/api/v1/staff/open311-keys', { token: admin.token });
    expect(list.body.items.find((k: { id: string }) => k.id === issued.body.id)).toMatchObject({ name: '临时测试', prefix: issued.body.key.slice(0, 12), revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(issued.body.key);

    expect((await post('json', `api_key=${issued.body.key}&service_code=complaint-other&description=ok`)).status).toBe(201);
    expect((await gw.request('DELETE', `/api/v1/staff/open311-keys/${issued.body.id}`, { token: admin.token })).status).toBe(204);
    const refused = await post('xml', `api_key=${issued.body.key}&service_code=complaint-other&description=ok`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('<code>403</code>');
    expect((await getJson(`/open311/v2/requests.json?api_key=${issued.body.key}`)).status).toBe(403);
  });
});
