/**
 * Residents' guide reads answered from the current catalogue's answer caches before validation
 * and the handler run: the same query string (or guide code) on the same catalogue build always
 * gets the same bytes, so there is nothing to parse, search or serialize again.
 */
import type { Context, Middleware } from 'koa';
import { sendSerializedJson } from '../http/serialized-json';
import { loadedCatalogue, type Catalogue } from './catalogue';

type AnswerKind = keyof Catalogue['answers'];

export const searchAnswerKey = (ctx: Context): string => ctx.querystring;
export const detailAnswerKey = (ctx: Context): string => ctx.params.code;

export function fromAnswerCache(kind: AnswerKind, keyOf: (ctx: Context) => string): Middleware {
  return (ctx, next) => {
    // Synchronous from look-up to reply: the answer belongs to the catalogue installed right now.
    const answer = loadedCatalogue()?.answers[kind].get(keyOf(ctx));
    if (answer === undefined) return next();
    sendSerializedJson(ctx, answer);
  };
}
