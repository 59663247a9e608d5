/**
 * The project's one error type. Services throw these; the HTTP layer writes them as
 * `{"error":{"code","message","details"}}`. Codes are stable dotted identifiers that clients
 * (mini-program, bot) may map to their own wording; messages are Simplified Chinese for residents.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds a client should wait before retrying (sets Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** 4xx messages are written for the user; 5xx messages are replaced by a generic one. */
  get expose(): boolean {
    return this.status < 500;
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (code = 'auth.required', message = '请先登录') => new AppError(401, code, message);
export const forbidden = (code = 'auth.forbidden', message = '您没有权限进行此操作') => new AppError(403, code, message);
export const notFound = (code: string, message: string) => new AppError(404, code, message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
export const tooManyRequests = (code: string, message: string, retryAfter: number) =>
  new AppError(429, code, message, { retryAfterSeconds: retryAfter }, retryAfter);
export const unavailable = (code = 'service.unavailable', message = '服务暂时不可用，请稍后重试', retryAfter = 5) =>
  new AppError(503, code, message, undefined, retryAfter);

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
