/**
 * The colloquial phrase dictionary (`gateway/guides/data/synonyms.json`) as data: what residents
 * say (开饭店, 上户口, 过户) and the official names it means. At build time each phrase is resolved
 * against the catalogue being indexed, so the dictionary names guides by what they are called,
 * never by code, and works for any catalogue.
 */
import defaultDictionaryJson from '../data/synonyms.json';
import { compactText } from './normalize';
import type { SynonymDictionary } from './types';

export const defaultDictionary: SynonymDictionary = defaultDictionaryJson;

/** How strongly a meaning points at a guide. */
export const RESOLUTION = {
  /** The meaning is (part of) the guide's name, or one of its keywords. */
  direct: 1,
  /** The meaning is part of one of the guide's keywords (营业执照 in 办营业执照). */
  partial: 0.6,
};

/** One colloquial phrase, normalised, with the guides it resolves to (doc id → weight). */
export interface ResolvedSay {
  text: string;
  docs: Map<number, number>;
}

export interface CatalogueText {
  /** Compact normalised names, one per doc. */
  names: string[];
  /** Compact normalised keywords, per doc. */
  keywords: string[][];
}

export function compileStopwords(dictionary: SynonymDictionary): Set<string> {
  const set = new Set<string>();
  for (const w of dictionary.stopwords) {
    const n = compactText(w);
    if (n) set.add(n);
  }
  return set;
}

/**
 * Resolves every "means" to guides (name contains it or a keyword equals it: direct; a keyword
 * contains it: partial), follows one level of chaining (yyzz means 营业执照, itself a phrase),
 * and returns every "say" with the union of the guides of every entry it appears in.
 */
export function resolveSynonyms(dictionary: SynonymDictionary, catalogue: CatalogueText): ResolvedSay[] {
  const n = catalogue.names.length;
  // Character → docs having it in name or keywords: candidates are the docs with the rarest char.
  const charDocs = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const seen = new Set<number>();
    const texts = [catalogue.names[d]!, ...catalogue.keywords[d]!];
    for (const t of texts) {
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (seen.has(c)) continue;
        seen.add(c);
        let list = charDocs.get(c);
        if (!list) charDocs.set(c, (list = []));
        list.push(d);
      }
    }
  }

  const direct = (meaning: string): Map<number, number> => {
    const out = new Map<number, number>();
    if (!meaning) return out;
    let candidates: number[] | undefined;
    for (let i = 0; i < meaning.length; i++) {
      const list = charDocs.get(meaning.charCodeAt(i));
      if (!list) return out;
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    for (const d of candidates ?? []) {
      let w = 0;
      if (catalogue.names[d]!.includes(meaning)) w = RESOLUTION.direct;
      else {
        for (const k of catalogue.keywords[d]!) {
          if (k === meaning) {
            w = RESOLUTION.direct;
            break;
          }
          if (k.includes(meaning)) w = RESOLUTION.partial;
        }
      }
      if (w > 0) out.set(d, w);
    }
    return out;
  };

  const entries = dictionary.phrases.map((p) => ({
    say: [...new Set(p.say.map(compactText).filter(Boolean))],
    means: [...new Set(p.means.map(compactText).filter(Boolean))],
  }));
  // A guide matching several meanings of one entry (医疗保险 and 医保) is more what is meant than
  // one matching a single meaning (新生儿医保...): weights are summed, then scaled to the best.
  const directByEntry = entries.map((e) => {
    const docs = new Map<number, number>();
    for (const m of e.means) for (const [d, w] of direct(m)) docs.set(d, (docs.get(d) ?? 0) + w);
    let max = 0;
    for (const w of docs.values()) max = Math.max(max, w);
    for (const [d, w] of docs) docs.set(d, w / max);
    return docs;
  });
  // A meaning that is itself a colloquial phrase of another entry inherits that entry's guides.
  const entriesBySay = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const s of e.say) {
      const list = entriesBySay.get(s) ?? [];
      list.push(i);
      entriesBySay.set(s, list);
    }
  });
  const resolved = new Map<string, Map<number, number>>();
  entries.forEach((e, i) => {
    const docs = new Map(directByEntry[i]);
    for (const m of e.means) {
      for (const j of entriesBySay.get(m) ?? []) {
        if (j === i) continue;
        for (const [d, w] of directByEntry[j]!) docs.set(d, Math.max(docs.get(d) ?? 0, w * 0.9));
      }
    }
    for (const s of e.say) {
      let target = resolved.get(s);
      if (!target) resolved.set(s, (target = new Map()));
      for (const [d, w] of docs) target.set(d, Math.max(target.get(d) ?? 0, w));
    }
  });
  return [...resolved].map(([text, docs]) => ({ text, docs }));
}
