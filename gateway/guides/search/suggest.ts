/**
 * Type-ahead over names, keywords and colloquial phrases: one sorted array of keys, found by
 * binary search on what was typed so far. Keys are every suffix of the Chinese text (so typing
 * the middle of a name works: 身份证 → 居民身份证申领), and from every word start the full pinyin
 * (yingy → 营业执照, partial syllables included) and the initials (sfz → 身份证).
 */
import type { IndexData } from './build';
import { compactText, hasCjk, isCjk } from './normalize';
import { syllableInitial, syllableName, syllablesOf } from './pinyin';
import { queryWords } from './tokenize';

const KIND_NAME = 0;
const KIND_KEYWORD = 1;
const KIND_SAY = 2;
const KIND_WEIGHT = [3, 2, 1.5];

const SCRIPT_CHINESE = 0;
const SCRIPT_PINYIN = 1;
const SCRIPT_INITIALS = 2;
const SCRIPT_WEIGHT = [1, 0.9, 0.8];

/** Keys looked at per call at most (one typed letter matches a lot). */
const SCAN_LIMIT = 5000;

interface SuggestText {
  text: string;
  docs: number[];
  kinds: number[];
}

export class Suggester {
  private readonly keys: string[];
  private readonly keyText: Int32Array;
  /** script << 1 | (1 when the key starts at the beginning of the text). */
  private readonly keyMeta: Uint8Array;
  private readonly texts: SuggestText[] = [];
  private readonly best = new Map<number, number>();

  constructor(private readonly data: IndexData) {
    const ids = new Map<string, number>();
    const add = (text: string, doc: number, kind: number) => {
      if (!text) return;
      let id = ids.get(text);
      if (id === undefined) {
        id = this.texts.length;
        this.texts.push({ text, docs: [], kinds: [] });
        ids.set(text, id);
      }
      const t = this.texts[id]!;
      const at = t.docs.indexOf(doc);
      if (at < 0) {
        t.docs.push(doc);
        t.kinds.push(kind);
      } else if (kind < t.kinds[at]!) t.kinds[at] = kind;
    };
    for (let d = 0; d < data.size; d++) {
      add(data.nameTexts[d]!, d, KIND_NAME);
      for (const k of data.keywordTexts[d]!) add(k, d, KIND_KEYWORD);
    }
    for (const s of data.says) for (const d of s.docs.keys()) add(s.text, d, KIND_SAY);

    const entries: { key: string; text: number; meta: number }[] = [];
    this.texts.forEach(({ text }, id) => {
      for (let pos = 0; pos < text.length; pos++) {
        entries.push({ key: text.slice(pos), text: id, meta: (SCRIPT_CHINESE << 1) | (pos === 0 ? 1 : 0) });
      }
      if (!hasCjk(text)) return;
      const syl = syllablesOf(text);
      let pos = 0;
      for (const word of queryWords(text)) {
        if (isCjk(text.charCodeAt(pos))) {
          let py = '';
          let ini = '';
          for (let k = pos; k < text.length; k++) {
            const s = syl[k]!;
            py += s ? syllableName(s) : text[k];
            ini += s ? syllableInitial(s) : text[k];
          }
          const atStart = pos === 0 ? 1 : 0;
          entries.push({ key: py, text: id, meta: (SCRIPT_PINYIN << 1) | atStart });
          if (ini.length >= 2) entries.push({ key: ini, text: id, meta: (SCRIPT_INITIALS << 1) | atStart });
        }
        pos += word.length;
      }
    });
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.keys = entries.map((e) => e.key);
    this.keyText = Int32Array.from(entries, (e) => e.text);
    this.keyMeta = Uint8Array.from(entries, (e) => e.meta);
  }

  /** Doc ids, best first. */
  suggest(input: string, limit: number): number[] {
    const q = compactText(input);
    if (!q || limit <= 0) return [];
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < q) lo = mid + 1;
      else hi = mid;
    }
    const best = this.best;
    best.clear();
    for (let i = lo, scanned = 0; i < keys.length && scanned < SCAN_LIMIT; i++, scanned++) {
      const key = keys[i]!;
      if (!key.startsWith(q)) break;
      const meta = this.keyMeta[i]!;
      const t = this.texts[this.keyText[i]!]!;
      const atStart = (meta & 1) === 1;
      let base = SCRIPT_WEIGHT[meta >> 1]! * (atStart ? 1.5 : 1);
      // Typed the whole text.
      if (atStart && key.length === q.length) base += 0.5;
      for (let k = 0; k < t.docs.length; k++) {
        const score = base * KIND_WEIGHT[t.kinds[k]!]! - t.text.length * 0.01;
        const d = t.docs[k]!;
        const old = best.get(d);
        if (old === undefined || old < score) best.set(d, score);
      }
    }
    const rank = this.data.rank;
    return [...best.keys()].sort((a, b) => best.get(b)! - best.get(a)! || rank[a]! - rank[b]!).slice(0, limit);
  }
}
