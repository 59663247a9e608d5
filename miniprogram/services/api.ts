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

function isApiErrorBody(data: unknown): data is ApiErrorBody {
  const error = (data as ApiErrorBody | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

/** Turns a non-2xx response into an ApiError, keeping the gateway's code when it sent one. */
export function toApiError(status: number, data: unknown): ApiError {
  if (isApiErrorBody(data)) return new ApiError(data.error.code, data.error.message, status, data.error.details);
  return new ApiError('http.unexpected_response', '服务暂时不可用，请稍后重试', status);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  const token = readToken();
  if (token) header.Authorization = `Bearer ${token}`;

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
  throw toApiError(response.statusCode, response.data);
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => request<T>(path, { method: 'GET', query }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
};
