/**
 * Typed client for the gateway's HTTP API over `Taro.request`.
 * H5 is served by the gateway itself, so it calls `/api/v1/...` same-origin; the weapp needs an
 * absolute https origin (TARO_APP_API_BASE from .env.<mode>). Every failure becomes an `ApiError`
 * carrying the gateway's stable error code, so pages branch on codes, never on messages.
 */
import Taro from '@tarojs/taro';

/** Storage key of the bearer token issued by the gateway's identity endpoints. */
export const TOKEN_STORAGE_KEY = 'onewindow.token';

const DEFAULT_WEAPP_API_BASE = 'https://onewindow.example.gov.cn';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Extra headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** The gateway's one error shape: `{ "error": { "code", "message", "details" } }`. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    /** Stable dotted identifier, e.g. `booking.slot_full`, or `network.unreachable`. */
    readonly code: string,
    /** Simplified Chinese, fit to show a resident. */
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Origin the API lives on: '' (same-origin) in H5, an absolute https origin in the weapp. */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return (process.env.TARO_APP_API_BASE || DEFAULT_WEAPP_API_BASE).replace(/\/+$/, '');
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  const suffix = pairs.length > 0 ? `${path.includes('?') ? '&' : '?'}${pairs.join('&')}` : '';
  return `${apiBaseUrl()}${path}${suffix}`;
}

export function readToken(): string | undefined {
  try {
    const token: unknown = Taro.getStorageSync(TOKEN_STORAGE_KEY);
    return typeof token === 'string' && token !== '' ? token : undefined;
  } catch {
    return undefined;
  }
}

export function saveToken(token: string): void {
  Taro.setStorageSync(TOKEN_STORAGE_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_STORAGE_KEY);
}

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | undefined;

/**
 * Called when the gateway refuses a token we sent (expired, revoked): the session store signs out
 * so pages ask for a new login instead of failing again and again.
 */
export function onUnauthorized(listener: UnauthorizedListener | undefined): void {
  unauthorizedListener = listener;
}

function isApiErrorBody(data: unknown): data is ApiErrorBody {
  const error = (data as ApiErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

/** Turns a non-2xx response into an ApiError, keeping the gateway's code when it sent one. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isApiErrorBody(data)) return new ApiError(data.error.code, data.error.message, status, data.error.details);
  return new ApiError('http.unexpected_response', '服务暂时不可用，请稍后重试', status);
}

function authHeader(): Record<string, string> {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function failure(status: number, data: unknown, sentToken: boolean): ApiError {
  const error = toApiError(status, data);
  if (status === 401 && sentToken) unauthorizedListener?.(error);
  return error;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers, ...authHeader() };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';

  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: buildUrl(path, options.query),
      method: options.method ?? 'GET',
      header,
      data: options.body as TaroGeneral.IAnyObject | undefined,
      dataType: 'json',
      timeout: options.timeoutMs ?? 15_000,
    });
  } catch {
    throw new ApiError('network.unreachable', '网络连接失败，请稍后重试', 0);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  throw failure(response.statusCode, response.data, 'Authorization' in header);
}

export interface UploadOptions {
  /** A local file: a temp path in WeChat, a blob: URL in the browser. */
  filePath: string;
  /**
   * In the browser, the chosen File itself. Sent directly: Taro's uploadFile would first fetch the
   * blob: URL, which the gateway's Content-Security-Policy (connect-src 'self') blocks.
   */
  browserFile?: Blob;
  /** Multipart field name. */
  field: string;
  /** File name to send (the browser otherwise invents one). */
  fileName?: string;
  timeoutMs?: number;
}

async function uploadInBrowser(url: string, options: UploadOptions & { browserFile: Blob }, header: Record<string, string>): Promise<{ statusCode: number; data: unknown }> {
  const form = new FormData();
  form.append(options.field, options.browserFile, options.fileName ?? (options.browserFile as File).name ?? 'file');
  const response = await fetch(url, { method: 'POST', headers: header, body: form });
  return { statusCode: response.status, data: await response.text() };
}

/** Uploads one file as multipart/form-data; the JSON answer is parsed like `request`'s. */
export async function upload<T>(path: string, options: UploadOptions): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json', ...authHeader() };
  let response: { statusCode: number; data: unknown };
  try {
    response = options.browserFile && process.env.TARO_ENV === 'h5'
      ? await uploadInBrowser(buildUrl(path), { ...options, browserFile: options.browserFile }, header)
      : await Taro.uploadFile({
      url: buildUrl(path),
      filePath: options.filePath,
      name: options.field,
      header,
      timeout: options.timeoutMs ?? 60_000,
      ...(options.fileName ? { fileName: options.fileName } : {}),
    } as Taro.uploadFile.Option);
  } catch {
    throw new ApiError('network.unreachable', '网络连接失败，请稍后重试', 0);
  }
  let data: unknown = response.data;
  try {
    data = typeof data === 'string' && data !== '' ? JSON.parse(data) : data;
  } catch {
    // not JSON: handled below as an unexpected response
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return data as T;
  throw failure(response.statusCode, data, 'Authorization' in header);
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>(path, { method: 'GET', query }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>(path, { method: 'POST', body, headers }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
