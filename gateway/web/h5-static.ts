/**
 * Serves the built H5 mini-program: files from its folder, and index.html for any other GET that
 * asks for a page (the app uses browser-history routes). API and system paths are never answered here.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.webp': 'image/webp',
};

const NOT_H5 = /^\/(api|open311|metrics|healthz)(\/|$)/;

export function serveH5(dir: string): Middleware {
  const root = resolve(dir);
  const indexFile = join(root, 'index.html');
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || NOT_H5.test(ctx.path)) return next();
    let file: string | undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    const candidate = normalize(join(root, decoded));
    if (candidate.startsWith(root + sep) && existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
    else if (!extname(decoded) && ctx.accepts('html') && existsSync(indexFile)) file = indexFile;
    if (!file) return next();
    const hashed = /\.[0-9a-f]{8,}\.(js|css)$/.test(file) || file.includes(`${sep}static${sep}`);
    ctx.set('Cache-Control', file === indexFile ? 'no-cache' : hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.length = statSync(file).size;
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
  };
}
