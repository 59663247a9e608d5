/**
 * Writes every error in the one shape `{"error":{"code","message","details"}}`.
 * User mistakes are 4xx with a Chinese message; a lost database is a retryable 503;
 * anything unexpected is a 500 with a generic message and the request id, never a stack trace.
 */
import type { Middleware } from 'koa';
import { isDatabaseUnavailable } from '../db/errors';
import { AppError, isAppError } from '../errors';
import { logger } from '../logger';

/** Koa/http-errors thrown by body parsing and the router, mapped to our codes. */
const HTTP_ERRORS: Record<number, { code: string; message: string }> = {
  400: { code: 'request.malformed', message: '请求格式有误，请检查后重试' },
  405: { code: 'request.method_not_allowed', message: '不支持该请求方式' },
  413: { code: 'request.too_large', message: '提交的内容过大' },
  415: { code: 'request.unsupported_type', message: '不支持的内容类型' },
  501: { code: 'request.not_implemented', message: '不支持该请求方式' },
};

export function toAppError(err: any): AppError {
  if (isAppError(err)) return err;
  if (isDatabaseUnavailable(err)) return new AppError(503, 'service.unavailable', '服务暂时繁忙，请稍后重试', undefined, 2);
  const status: number | undefined = err?.status ?? err?.statusCode;
  if (status === 501) return new AppError(501, HTTP_ERRORS[501].code, HTTP_ERRORS[501].message);
  if (status && status >= 400 && status < 500 && err?.expose !== false) {
    const known = HTTP_ERRORS[status];
    return new AppError(status, known?.code ?? 'request.invalid', known?.message ?? '请求有误');
  }
  return new AppError(500, 'internal', '服务器开小差了，请稍后重试');
}

export const errorHandler: Middleware = async (ctx, next) => {
  try {
    await next();
    if (ctx.status === 404 && ctx.body == null) {
      throw new AppError(404, 'route.not_found', '您访问的地址不存在');
    }
  } catch (raw) {
    const err = toAppError(raw);
    if (err.status >= 500) {
      (ctx.state.log ?? logger()).error({ err: raw, code: err.code }, 'request failed');
    }
    ctx.status = err.status;
    if (err.retryAfter) ctx.set('Retry-After', String(err.retryAfter));
    const details = err.expose ? err.details : { requestId: ctx.state.requestId };
    ctx.body = { error: { code: err.code, message: err.message, ...(details !== undefined ? { details } : {}) } };
  }
};
