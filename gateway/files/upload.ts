/**
 * Multipart uploads for the few routes that take files: parsed in memory with strict limits, so a
 * wrong or oversized file gets a clear Chinese error instead of a stack trace.
 */
import { readFile, rm } from 'node:fs/promises';
import type { Middleware } from 'koa';
import { koaBody } from 'koa-body';
import { badRequest } from '../errors';

export interface UploadedPart {
  field: string;
  name: string;
  data: Buffer;
}

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/** Parses multipart/form-data into ctx.state.uploads (files) and ctx.request.body (text fields). */
export function acceptUploads(limits: UploadLimits): Middleware {
  const parse = koaBody({
    multipart: true,
    json: true,
    formidable: { maxFiles: limits.maxFiles, maxFileSize: limits.maxFileBytes, maxTotalFileSize: limits.maxFiles * limits.maxFileBytes, allowEmptyFiles: true, minFileSize: 0 },
    onError: (err) => {
      const message = String((err as Error).message ?? '');
      if (/maxFileSize|maxTotalFileSize/i.test(message)) throw badRequest('file.too_large', `单个文件不能超过 ${Math.floor(limits.maxFileBytes / 1024 / 1024)}MB`);
      if (/maxFiles\b/i.test(message)) throw badRequest('file.too_many', `最多上传 ${limits.maxFiles} 个文件`);
      throw badRequest('request.malformed', '上传内容格式有误，请重试');
    },
  });
  return async (ctx, next) => {
    await parse(ctx, async () => undefined);
    const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {};
    const uploads: UploadedPart[] = [];
    const all = Object.entries(files).flatMap(([field, v]) => (Array.isArray(v) ? v : [v]).map((f) => ({ field, f: f as { filepath: string; originalFilename?: string | null } })));
    try {
      for (const { field, f } of all) uploads.push({ field, name: f.originalFilename || 'file', data: await readFile(f.filepath) });
    } finally {
      await Promise.all(all.map(({ f }) => rm(f.filepath, { force: true })));
    }
    ctx.state.uploads = uploads;
    await next();
  };
}
