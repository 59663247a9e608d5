/**
 * The bot's only way to the service: the gateway's HTTP API, as the mini-program uses it. Every call
 * carries `Authorization: Bot <BOT_TOKEN>` and `X-Chat-User: <contact id>`; the gateway decides
 * whether that chat user is a bound resident. Errors come back as GatewayError with the gateway's
 * stable code; `replyForError` turns them into short Chinese replies.
 */
import { createHash } from 'node:crypto';

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export const isGatewayError = (err: unknown): err is GatewayError => err instanceof GatewayError;

const CHAT_USER = /^[\w@.:-]{1,128}$/;

/** The gateway accepts `[\w@.:-]{1,128}` as a chat user id; other ids are hashed to fit (stable). */
export function chatUserHeader(contactId: string): string {
  return CHAT_USER.test(contactId) ? contactId : `h:${createHash('sha256').update(contactId).digest('hex').slice(0, 40)}`;
}

export interface GuideSummary {
  code: string;
  name: string;
  caseType: 'immediate' | 'promised';
  promisedTimeLimitDays: number;
  tripsRequired: number;
  charged: boolean;
  online: boolean;
  bookable: boolean;
  department: string;
  windowName?: string;
}

export interface GuideDetail extends GuideSummary {
  legalTimeLimitDays: number;
  caseTypeName: string;
  fees: { charged: boolean; standard: string | null };
  materials: Array<{ name: string; required: boolean; form: string; copies: number; notes: string | null }>;
  location: string | null;
  hours: string | null;
  inquiryPhone: string | null;
  handledAt: Array<{ code: string; name: string; level: string; address: string; windows: Array<{ code: string; name: string }> }>;
}

export interface ApplicationStatus {
  number: string;
  guideName: string;
  state: string;
  stateName: string;
  promisedDate: string | null;
  lightName: string | null;
  completedOn: string | null;
  paused: { reason: string } | null;
  timeline: Array<{ at: string; actionName: string }>;
  result?: { pickup: string } | null;
}

export interface Booking {
  id: string;
  code: string;
  status: string;
  statusName: string;
  guide: { code: string; name: string };
  servicePoint: { name: string };
  window: { name: string };
  timeLabel: string;
  changeable: boolean;
}

export interface Notice {
  id: string;
  title: string;
  excerpt?: string;
  publishedAt: string;
}

export interface ResidentView {
  phone: string | null;
  subscriptions: { topics: string[] };
}

export type ComplaintType = 'complaint' | 'consultation' | 'suggestion';

export interface ComplaintInput {
  type: ComplaintType;
  /** attitude, slow_handling, improper_fees, bribery, system_fault, other (GET /complaints/categories). */
  category: string;
  content: string;
  anonymous?: boolean;
  /** Required unless the chat user is bound to a resident with a verified phone. */
  phone?: string;
  target?: { department?: string; window?: string; staff?: string; guideCode?: string };
}

export interface ComplaintView {
  trackingNumber: string;
  typeName: string;
  categoryName: string;
  status: string;
  statusName: string;
  /** YYYY-MM-DD: the promised answer date. */
  answerBy: string;
  replies?: Array<{ text: string; at: string }>;
}

export interface ComplaintSummary {
  trackingNumber: string;
  typeName: string;
  excerpt: string;
  statusName: string;
}

export interface UploadFile {
  name: string;
  mime: string;
  data: Buffer;
}

export interface GatewayClientOptions {
  baseUrl: string;
  botToken: string;
  timeoutMs?: number;
}

/** The gateway's API on behalf of one chat user. */
export class ChatUserApi {
  constructor(
    private readonly options: Required<GatewayClientOptions>,
    readonly chatUserId: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bot ${this.options.botToken}`,
      'x-chat-user': chatUserHeader(this.chatUserId),
      accept: 'application/json',
    };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(this.options.baseUrl + path, { method, headers, body: payload, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (err) {
      throw new GatewayError(0, 'gateway.unreachable', String((err as Error)?.message ?? err));
    }
    const text = await res.text();
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      const e = parsed?.error;
      throw new GatewayError(res.status, e?.code ?? `http.${res.status}`, e?.message ?? res.statusText, e?.details);
    }
    return parsed as T;
  }

  // Identity and binding
  botMe = () => this.call<{ bound: boolean; user: ResidentView | null }>('GET', '/api/v1/bot/me');
  requestSmsCode = (phone: string) => this.call<{ expiresInSeconds: number; resendAfterSeconds: number }>('POST', '/api/v1/auth/sms-codes', { phone });
  bind = (phone: string, code: string) => this.call<ResidentView>('POST', '/api/v1/bot/bind', { phone, code });
  unbind = () => this.call<void>('DELETE', '/api/v1/bot/bind');

  // Guides
  searchGuides = (q: string, pageSize = 3) => this.call<{ items: GuideSummary[]; total: number }>('GET', `/api/v1/guides?${new URLSearchParams({ q, pageSize: String(pageSize) })}`);
  guide = (code: string) => this.call<GuideDetail>('GET', `/api/v1/guides/${encodeURIComponent(code)}`);

  // Applications
  publicStatus = (number: string, phoneLast4: string) =>
    this.call<ApplicationStatus>('GET', `/api/v1/applications/${encodeURIComponent(number)}/status?${new URLSearchParams({ phoneLast4 })}`);
  myApplication = (number: string) => this.call<ApplicationStatus>('GET', `/api/v1/applications/${encodeURIComponent(number)}`);
  myApplications = () => this.call<{ items: ApplicationStatus[] }>('GET', '/api/v1/applications/mine');

  // Bookings
  myBookings = () => this.call<{ items: Booking[] }>('GET', '/api/v1/bookings/mine');
  cancelBooking = (id: string) => this.call<Booking>('DELETE', `/api/v1/bookings/${encodeURIComponent(id)}`);

  // Notices
  notices = (page = 1, pageSize = 5) => this.call<{ items: Notice[]; total: number }>('GET', `/api/v1/notices?page=${page}&pageSize=${pageSize}`);
  topics = () => this.call<{ items: Array<{ code: string; name: string }> }>('GET', '/api/v1/notices/topics');
  subscriptions = () => this.call<{ topics: string[]; phoneVerified: boolean }>('GET', '/api/v1/me/subscriptions');
  setSubscriptions = (topics: string[]) => this.call<{ topics: string[] }>('PUT', '/api/v1/me/subscriptions', { topics });

  // Complaints (投诉、咨询、建议)
  complaintCategories = () => this.call<{ categories: Array<{ code: string; name: string; description: string }> }>('GET', '/api/v1/complaints/categories');
  fileComplaint = (input: ComplaintInput) => this.call<ComplaintView>('POST', '/api/v1/complaints', input);
  complaint = (trackingNumber: string, phoneLast4?: string) =>
    this.call<ComplaintView>('GET', `/api/v1/complaints/${encodeURIComponent(trackingNumber)}${phoneLast4 ? `?${new URLSearchParams({ phoneLast4 })}` : ''}`);
  myComplaints = () => this.call<{ items: ComplaintSummary[] }>('GET', '/api/v1/me/complaints');
  uploadComplaintPhotos = (trackingNumber: string, files: UploadFile[], phoneLast4?: string) => {
    const form = new FormData();
    for (const f of files) form.append('photos', new Blob([new Uint8Array(f.data)], { type: f.mime }), f.name);
    const query = phoneLast4 ? `?${new URLSearchParams({ phoneLast4 })}` : '';
    return this.call<unknown>('POST', `/api/v1/complaints/${encodeURIComponent(trackingNumber)}/photos${query}`, form);
  };
}

export class GatewayClient {
  private readonly options: Required<GatewayClientOptions>;

  constructor(options: GatewayClientOptions) {
    this.options = { timeoutMs: 10_000, ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  /** The API as a given chat user (the contact's id). */
  as(chatUserId: string): ChatUserApi {
    return new ChatUserApi(this.options, chatUserId);
  }
}

/** Our own wording for codes where the gateway's message does not fit a chat. */
const REPLIES: Record<string, string> = {
  'auth.binding_required': '这项服务需要先绑定手机号。回复“绑定手机”即可开始。',
  'auth.bot_invalid': '系统维护中，请稍后再试。',
  'auth.chat_user_missing': '系统维护中，请稍后再试。',
  'identity.code_invalid': '验证码不对或已过期，请重新输入；也可回复“重新发送”。',
  'identity.code_exhausted': '验证码错误次数太多，请回复“绑定手机”重新获取。',
  'identity.code_rate_limited': '验证码发送太频繁了，请过一会儿再试。',
  'identity.phone_invalid': '手机号格式不对，请输入11位手机号。',
  'identity.chat_not_bound': '您还没有绑定手机号。',
  'application.not_found': '没有查到这个办件，请核对办件编号和手机号后四位。',
  'application.status_rate_limited': '查询太频繁了，请过一会儿再试。',
  'booking.not_found': '没有找到这个预约。',
  'notice.phone_required': '订阅短信通知需要先绑定手机号。回复“绑定手机”即可开始。',
  'guide.not_found': '这个事项暂时查不到了，请换个说法再问。',
  'complaint.not_found': '没有查到，请核对受理编号和手机号后四位。',
  'complaint.phone_invalid': '手机号格式不对，请输入11位手机号。',
  'route.not_found': '这项服务暂未开通，请拨打窗口电话或到大厅咨询。',
  'gateway.unreachable': '系统繁忙，请稍后再试。',
};

/** A short Chinese reply for any failure; 5xx and unknown failures never show details. */
export function replyForError(err: unknown): string {
  if (!isGatewayError(err)) return '系统繁忙，请稍后再试。';
  const mine = REPLIES[err.code];
  if (mine) return mine;
  if (err.status === 429) return '操作太频繁了，请过一会儿再试。';
  if (err.status >= 400 && err.status < 500 && err.message && /[\u4e00-\u9fa5]/.test(err.message)) return err.message;
  return '系统繁忙，请稍后再试。';
}
