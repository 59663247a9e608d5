/**
 * Service requests: our items seen through Open311. Statuses map to `open`/`closed` with the finer
 * status in `status_notes`; `expected_datetime` is the answer deadline. The public view carries no
 * filer data and no description; a caller with an API key also gets the description (phone and ID
 * numbers removed). The tracking number is the `service_request_id`; services are realtime, so a
 * token, when a client asks for one, is the request id itself.
 */
import { ComplaintModel, type ComplaintRecord, type ComplaintStatus } from '../../models/complaint';
import { endOfChinaDay } from '../calendar/working-days';
import { fileComplaint } from '../complaints/filing';
import { findByTrackingNumber } from '../complaints/access';
import { TYPE_NAMES } from '../complaints/rules';
import { badRequest, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { redactSensitiveText } from '../privacy/mask';
import { ATTRIBUTES, OPEN311_TYPES, serviceByCode, serviceCodeOf, serviceName } from './services';
import type { RequestQuery, RequestBody } from './schema';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 90;
export const MAX_REQUESTS = 1000;

/** A w3 datetime in China time, e.g. 2026-10-13T09:30:00+08:00. */
export function w3(at: Date): string {
  return `${new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function statusNotes(c: ComplaintRecord): string {
  const again = (c.reopenCount ?? 0) > 0 ? '（群众申请重新办理）' : '';
  switch (c.status as ComplaintStatus) {
    case 'received':
      return '已收到，等待签收';
    case 'acknowledged':
      return `已签收，正在办理${again}`;
    case 'assigned':
      return `已转交${c.department}办理${again}`;
    case 'replied':
      return '已答复，等待群众确认';
    case 'closed':
      return c.closedBy === 'resident' ? '已答复，群众确认办结' : c.closedBy === 'auto' ? '已答复，群众逾期未确认，自动办结' : '已办结';
  }
}

export function presentRequest(c: ComplaintRecord, options: { withDescription: boolean }) {
  const closed = c.status === 'closed';
  return {
    service_request_id: c.trackingNumber,
    status: closed ? 'closed' : 'open',
    status_notes: statusNotes(c),
    service_name: serviceName({ type: c.type as 'complaint', category: c.category }),
    service_code: serviceCodeOf(c.type, c.category),
    description: options.withDescription ? redactSensitiveText(c.content) : null,
    agency_responsible: c.department ?? null,
    service_notice: `承诺于${c.answerBy}前答复`,
    requested_datetime: w3(c.receivedAt),
    updated_datetime: w3(closed && c.closedAt ? c.closedAt : (c.updatedAt ?? c.receivedAt)),
    expected_datetime: w3(endOfChinaDay(c.answerBy)),
    address: c.location?.address ?? null,
    address_id: null,
    zipcode: null,
    lat: c.location?.lat ?? null,
    long: c.location?.lng ?? null,
    media_url: c.mediaUrl ?? null,
  };
}

function parseW3(value: string, name: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  if (Number.isNaN(at.getTime())) throw badRequest('open311.date_invalid', `${name} 格式应为 2026-01-01T00:00:00+08:00`);
  return at;
}

const list = (v?: string) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : []);

export async function findRequests(query: RequestQuery, options: { withDescription: boolean }, now = new Date()) {
  const ids = list(query.service_request_id);
  const q: Record<string, unknown> = { type: { $in: OPEN311_TYPES } };
  if (ids.length) {
    // service_request_id overrides every other argument.
    q.trackingNumber = { $in: ids.map((id) => id.toUpperCase()).slice(0, MAX_REQUESTS) };
  } else {
    const codes = list(query.service_code);
    if (codes.length) {
      const refs = codes.map((code) => serviceByCode(code));
      if (refs.some((r) => !r)) throw notFound('open311.service_not_found', `未找到服务：${codes.filter((c) => !serviceByCode(c)).join(', ')}`);
      q.$or = refs.map((r) => ({ type: r!.type, category: r!.category }));
    }
    const statuses = list(query.status);
    if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw badRequest('open311.status_invalid', 'status 只能是 open 或 closed');
    if (statuses.length === 1) q.status = statuses[0] === 'closed' ? 'closed' : { $ne: 'closed' };
    let end = query.end_date ? parseW3(query.end_date, 'end_date') : undefined;
    let start = query.start_date ? parseW3(query.start_date, 'start_date') : undefined;
    if (start && !end) end = new Date(Math.min(start.getTime() + MAX_RANGE_DAYS * DAY_MS, now.getTime()));
    end ??= now;
    start ??= new Date(end.getTime() - MAX_RANGE_DAYS * DAY_MS);
    if (start > end) throw badRequest('open311.date_range_invalid', 'start_date 不能晚于 end_date');
    if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) throw badRequest('open311.date_range_too_long', `查询范围不能超过${MAX_RANGE_DAYS}天`);
    q.receivedAt = { $gte: start, $lte: end };
  }
  const pageSize = query.page_size ?? MAX_REQUESTS;
  const items = await ComplaintModel.find(q)
    .sort({ receivedAt: -1 })
    .skip(((query.page ?? 1) - 1) * pageSize)
    .limit(pageSize)
    .lean();
  return (items as ComplaintRecord[]).map((c) => presentRequest(c, options));
}

export async function findRequest(id: string, options: { withDescription: boolean }) {
  const c = await findByTrackingNumber(id);
  if (!c || !(OPEN311_TYPES as readonly string[]).includes(c.type)) throw notFound('open311.request_not_found', `未找到服务请求 ${id}`);
  return [presentRequest(c, options)];
}

export async function findToken(token: string) {
  const c = await findByTrackingNumber(token);
  if (!c || !(OPEN311_TYPES as readonly string[]).includes(c.type)) throw notFound('open311.token_not_found', `未找到 token ${token}`);
  return [{ service_request_id: c.trackingNumber, token: c.trackingNumber }];
}

function attributeValue(attributes: RequestBody['attribute'], code: keyof typeof ATTRIBUTES): string | undefined {
  const v = attributes?.[code];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() || undefined;
}

/** Files an item for an Open311 client; answers as the spec's POST response. */
export async function createRequest(actor: Actor, keyId: string, body: RequestBody) {
  const service = serviceByCode(body.service_code);
  if (!service) throw notFound('open311.service_not_found', `未找到服务：${body.service_code}`);
  if (!body.description) throw badRequest('open311.description_required', '请填写 description（诉求内容）');
  const anonymous = attributeValue(body.attribute, 'ANONYMOUS');
  if (anonymous && anonymous !== 'true' && anonymous !== 'false') throw badRequest('open311.attribute_invalid', 'attribute[ANONYMOUS] 只能是 true 或 false');
  const target = Object.fromEntries(
    (Object.keys(ATTRIBUTES) as Array<keyof typeof ATTRIBUTES>)
      .filter((code) => code !== 'ANONYMOUS')
      .map((code) => [ATTRIBUTES[code], attributeValue(body.attribute, code)?.slice(0, 64)]),
  );
  if ((body.lat === undefined) !== (body.long === undefined)) throw badRequest('open311.location_invalid', 'lat 和 long 需要同时提供');
  const name = [body.last_name, body.first_name].filter(Boolean).join('');
  const c = await fileComplaint(actor, {
    type: service.type,
    category: service.category,
    content: body.description,
    anonymous: anonymous === 'true',
    target,
    phone: body.phone,
    name: name || undefined,
    location: body.lat !== undefined || body.address_string ? { lat: body.lat, lng: body.long, address: body.address_string } : undefined,
    mediaUrl: body.media_url,
    open311: { keyId, attributes: body.attribute },
  });
  return [{ service_request_id: c.trackingNumber, service_notice: `已收到您的${TYPE_NAMES[service.type]}，受理编号${c.trackingNumber}，承诺于${c.answerBy}前答复`, account_id: body.account_id ?? null }];
}
