/**
 * Build-time work: everything a query needs is computed here, once, so that a query only looks up
 * the postings of its own terms.
 */
import { compactText, isAllCjk, normalizeText } from './normalize';
import { initialsOf, primeCharacters, syllablesOf } from './pinyin';
import { PostingsBuilder, type Postings } from './postings';
import { FIELDS, PHRASE_WEIGHTS, idf, saturate, type FieldName, type FieldSpec } from './scoring';
import { compileStopwords, resolveSynonyms, type ResolvedSay } from './synonyms';
import { charBigrams, indexTokens } from './tokenize';
import { CharTrie, SyllableTrie } from './tries';
import type { SearchableGuide, SynonymDictionary } from './types';

/** A known phrase: a name, keyword, colloquial phrase, life event, or a dictionary word of one. */
export interface Phrase {
  text: string;
  /** How often it occurs in the catalogue (ranks alternatives for typed pinyin and initials). */
  count: number;
  /** Guides having it verbatim (empty for words known only as vocabulary). */
  postings: Postings;
}

export interface IndexData {
  size: number;
  codes: string[];
  names: string[];
  docByCode: Map<string, number>;
  /** Compact normalised names and keywords (suggestions). */
  nameTexts: string[];
  keywordTexts: string[][];
  /** Colloquial phrases with the guides they resolve to (suggestions). */
  says: ResolvedSay[];
  stopwords: Set<string>;
  /** One-character stopwords, by char code (的, 了, 吗). */
  stopChars: Set<number>;
  /** Word → BM25 contributions over all fields. */
  words: Map<string, Postings>;
  /** Character bigram → contributions (names, keywords, synonyms): typo tolerance. */
  bigrams: Map<number, Postings>;
  phrases: Phrase[];
  /** Phrases that have postings, by characters. */
  phraseTrie: CharTrie;
  /** All CJK phrases and words, by syllables. */
  pinyinTrie: SyllableTrie;
  /** Initials (prefixes of) → texts, best first: sfz → 身份证. */
  initials: Map<string, string[]>;
  windowIds: Map<string, number>;
  windowOf: Int32Array;
  online: Uint8Array;
  bookable: Uint8Array;
  lifeEventDocs: Map<string, Uint8Array>;
  pointDocs: Map<string, Uint8Array>;
  /** All guides by window, then name (empty-query listing). */
  listOrder: Int32Array;
  /** Position of each guide in listOrder (tie-break). */
  rank: Int32Array;
}

const uniq = (xs: string[]): string[] => [...new Set(xs.filter(Boolean))];

/** Phrases longer than this are not offered as initials (nobody types 20 initials). */
const MAX_INITIALS = 12;

export function buildIndexData(guides: readonly SearchableGuide[], dictionary: SynonymDictionary): IndexData {
  const n = guides.length;
  const stopwords = compileStopwords(dictionary);

  const nameNorm = guides.map((g) => normalizeText(g.name));
  const nameTexts = nameNorm.map((s) => s.replace(/ /g, ''));
  const keywordTexts = guides.map((g) => uniq((g.keywords ?? []).map(compactText)));
  const lifeTexts = guides.map((g) => uniq((g.lifeEvents ?? []).map(compactText)));
  const deptTexts = guides.map((g) => uniq([normalizeText(g.department), normalizeText(g.type)]));
  const materialTexts = guides.map((g) => uniq((g.materials ?? []).map(normalizeText)));

  // Pinyin of every character of the catalogue, in one pinyin-pro call (distinct strings only).
  const distinct = new Set<string>(nameTexts);
  for (const texts of [keywordTexts, lifeTexts, deptTexts, materialTexts]) for (const t of texts) for (const x of t) distinct.add(x);
  for (const p of dictionary.phrases) for (const x of [...p.say, ...p.means]) distinct.add(x);
  primeCharacters([...distinct].join(''));

  const says = resolveSynonyms(dictionary, { names: nameTexts, keywords: keywordTexts });
  const synonymTexts: string[][] = guides.map(() => []);
  // Colloquial phrases as one more field of the guides they mean (minus those already keywords).
  for (const s of says) for (const d of s.docs.keys()) if (!keywordTexts[d]!.includes(s.text)) synonymTexts[d]!.push(s.text);

  const tokenCache = new Map<string, string[]>();
  const tokensOf = (text: string): string[] => {
    let t = tokenCache.get(text);
    if (!t) tokenCache.set(text, (t = indexTokens(text, stopwords)));
    return t;
  };

  // ---- words and bigrams, BM25 per field -------------------------------------------------
  const fieldTexts: Record<FieldName, string[][]> = {
    name: nameNorm.map((s) => [s]),
    keywords: keywordTexts.map((k, d) => k.concat(synonymTexts[d]!)),
    lifeEvents: lifeTexts,
    department: deptTexts,
    materials: materialTexts,
  };

  const words = new PostingsBuilder<string>();
  const bigrams = new PostingsBuilder<number>();
  /** One field's terms of one kind, BM25-scored into `out` with the field's own IDF. */
  const scoreField = <K>(
    texts: string[][],
    termsOf: (text: string) => Iterable<K>,
    weight: number,
    spec: FieldSpec,
    out: PostingsBuilder<K>,
  ) => {
    const byTerm = new Map<K, { docs: number[]; tfs: number[] }>();
    const lengths = new Float64Array(n);
    const counts = new Map<K, number>();
    let total = 0;
    for (let d = 0; d < n; d++) {
      counts.clear();
      let len = 0;
      for (const text of texts[d]!) {
        for (const t of termsOf(text)) {
          counts.set(t, (counts.get(t) ?? 0) + 1);
          len++;
        }
      }
      for (const [t, tf] of counts) {
        let list = byTerm.get(t);
        if (!list) byTerm.set(t, (list = { docs: [], tfs: [] }));
        list.docs.push(d);
        list.tfs.push(tf);
      }
      lengths[d] = len;
      total += len;
    }
    const avg = n > 0 ? total / n : 0;
    for (const [t, { docs, tfs }] of byTerm) {
      const w = weight * idf(docs.length, n);
      for (let i = 0; i < docs.length; i++) out.add(t, docs[i]!, w * saturate(tfs[i]!, lengths[docs[i]!]!, avg, spec.k1, spec.b));
    }
  };
  const bigramCache = new Map<string, number[]>();
  const bigramsOf = (text: string): number[] => {
    let b = bigramCache.get(text);
    if (!b) bigramCache.set(text, (b = charBigrams(text)));
    return b;
  };
  for (const f of Object.keys(FIELDS) as FieldName[]) {
    const spec = FIELDS[f];
    scoreField(fieldTexts[f], tokensOf, spec.weight, spec, words);
    if (spec.bigram > 0) scoreField(fieldTexts[f], bigramsOf, spec.bigram, spec, bigrams);
  }

  // ---- phrases -----------------------------------------------------------------------------
  const phraseIds = new Map<string, number>();
  const drafts: { text: string; count: number; sources: Map<number, number> }[] = [];
  const phrase = (text: string) => {
    let id = phraseIds.get(text);
    if (id === undefined) {
      id = drafts.length;
      drafts.push({ text, count: 0, sources: new Map() });
      phraseIds.set(text, id);
    }
    return drafts[id]!;
  };
  const addSource = (text: string, doc: number, weight: number) => {
    if (!text) return;
    const p = phrase(text);
    p.count++;
    p.sources.set(doc, Math.max(p.sources.get(doc) ?? 0, weight));
  };
  const addVocabulary = (text: string) => {
    for (const t of tokensOf(text)) if (t.length >= 2 && isAllCjk(t)) phrase(t).count++;
  };
  for (let d = 0; d < n; d++) {
    addSource(nameTexts[d]!, d, PHRASE_WEIGHTS.name);
    const parts = nameNorm[d]!.split(' ');
    if (parts.length > 1) for (const part of parts) if (part.length >= 2) addSource(part, d, PHRASE_WEIGHTS.name);
    addVocabulary(nameNorm[d]!);
    for (const k of keywordTexts[d]!) {
      addSource(k, d, PHRASE_WEIGHTS.keyword);
      addVocabulary(k);
    }
    for (const l of lifeTexts[d]!) addSource(l, d, PHRASE_WEIGHTS.lifeEvent);
  }
  for (const s of says) {
    const p = phrase(s.text);
    p.count++;
    for (const [d, w] of s.docs) p.sources.set(d, Math.max(p.sources.get(d) ?? 0, PHRASE_WEIGHTS.say * w));
    addVocabulary(s.text);
  }

  const phrases: Phrase[] = drafts.map((p) => {
    const docs = [...p.sources.keys()].sort((a, b) => a - b);
    const lengthFactor = Math.min(1.5, 1 + 0.1 * (p.text.length - 2));
    const weight = idf(docs.length, n) * lengthFactor;
    return {
      text: p.text,
      count: p.count,
      postings: {
        docs: Int32Array.from(docs),
        vals: Float32Array.from(docs, (d) => p.sources.get(d)! * weight),
      },
    };
  });

  const phraseTrie = new CharTrie();
  const pinyinTrie = new SyllableTrie();
  const initialsDraft = new Map<string, Map<string, number>>();
  phrases.forEach((p, id) => {
    if (p.postings.docs.length > 0) phraseTrie.insert(p.text, id);
    if (p.text.length < 2 || !isAllCjk(p.text)) return;
    pinyinTrie.insert(syllablesOf(p.text), id);
    if (p.text.length > MAX_INITIALS) return;
    const ini = initialsOf(p.text);
    for (let len = 2; len <= ini.length; len++) {
      const key = ini.slice(0, len);
      const text = p.text.slice(0, len);
      let m = initialsDraft.get(key);
      if (!m) initialsDraft.set(key, (m = new Map()));
      // Whole phrases beat prefixes of longer ones.
      m.set(text, (m.get(text) ?? 0) + p.count * (len === ini.length ? 2 : 1));
    }
  });
  const initials = new Map<string, string[]>();
  for (const [key, m] of initialsDraft) {
    initials.set(
      key,
      [...m]
        .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
        .slice(0, 4)
        .map(([t]) => t),
    );
  }

  // ---- filters and listing order -------------------------------------------------------------
  const windowNames = [...new Set(guides.map((g) => g.window))].sort();
  const windowIds = new Map(windowNames.map((w, i) => [w, i]));
  const windowOf = Int32Array.from(guides, (g) => windowIds.get(g.window)!);
  const online = Uint8Array.from(guides, (g) => (g.online ? 1 : 0));
  const bookable = Uint8Array.from(guides, (g) => (g.bookable ? 1 : 0));
  const membership = (valuesOf: (g: SearchableGuide) => readonly string[] | undefined) => {
    const out = new Map<string, Uint8Array>();
    guides.forEach((g, d) => {
      for (const v of valuesOf(g) ?? []) {
        let mask = out.get(v);
        if (!mask) out.set(v, (mask = new Uint8Array(n)));
        mask[d] = 1;
      }
    });
    return out;
  };
  const lifeEventDocs = membership((g) => g.lifeEvents);
  const pointDocs = membership((g) => g.points);

  const collator = new Intl.Collator('zh-CN');
  const order = guides.map((_, d) => d);
  order.sort(
    (a, b) =>
      windowOf[a]! - windowOf[b]! ||
      collator.compare(guides[a]!.name, guides[b]!.name) ||
      (guides[a]!.code < guides[b]!.code ? -1 : guides[a]!.code > guides[b]!.code ? 1 : 0),
  );
  const listOrder = Int32Array.from(order);
  const rank = new Int32Array(n);
  listOrder.forEach((d, i) => (rank[d] = i));

  return {
    size: n,
    codes: guides.map((g) => g.code),
    names: guides.map((g) => g.name),
    docByCode: new Map(guides.map((g, d) => [g.code, d])),
    nameTexts,
    keywordTexts,
    says,
    stopwords,
    stopChars: new Set([...stopwords].filter((w) => w.length === 1).map((w) => w.charCodeAt(0))),
    words: words.finish(),
    bigrams: bigrams.finish(),
    phrases,
    phraseTrie,
    pinyinTrie,
    initials,
    windowIds,
    windowOf,
    online,
    bookable,
    lifeEventDocs,
    pointDocs,
    listOrder,
    rank,
  };
}
