/**
 * Chinese word segmentation (jieba) and character bigrams. The jieba dictionary takes ~250 ms to
 * load, so it is loaded once per process, on first use. HMM is off on both sides: it invents
 * "words" such as 店要 or 卖羊开 out of queries, which then match nothing.
 */
import { Jieba } from '@node-rs/jieba';
import { isCjk } from './normalize';

let jieba: Jieba | undefined;

export function getJieba(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Search-mode segmentations of catalogue text, kept across builds (a catalogue reload re-reads mostly the same text). */
const segmentCache = new Map<string, string[]>();
const SEGMENT_CACHE_LIMIT = 100_000;

/** Index-side tokens of a normalised string: search-mode segmentation (words and their parts). */
export function indexTokens(text: string, stopwords: ReadonlySet<string>): string[] {
  let segments = segmentCache.get(text);
  if (!segments) {
    segments = getJieba().cutForSearch(text, false);
    if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
    segmentCache.set(text, segments);
  }
  const out: string[] = [];
  for (const t of segments) {
    if (t === ' ' || !t.trim() || stopwords.has(t)) continue;
    out.push(t);
  }
  return out;
}

/** Query-side segmentation: plain (non-overlapping) words, so positions can be followed. */
export function queryWords(text: string): string[] {
  return getJieba().cut(text, false);
}

/** Packs two BMP characters into one number: the key of a character bigram. */
export function bigramKey(a: number, b: number): number {
  return a * 65536 + b;
}

/** Character bigrams of every run of CJK characters in a normalised string. */
export function charBigrams(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (isCjk(a) && isCjk(b)) out.push(bigramKey(a, b));
  }
  return out;
}
