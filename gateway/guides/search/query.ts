/**
 * Reads a normalised query the way residents type it and turns it into weighted terms:
 *
 * 1. typed pinyin and initials become Chinese (kaifandian → 开饭店, sfz丢了 → 身份证丢了) through
 *    the syllable trie and the initials table;
 * 2. homophone typos are corrected through pinyin (结昏登记 → 结婚登记, 宅机地 → 宅基地), the
 *    correction being added with a lower weight beside the original text;
 * 3. in every piece of text: known phrases found verbatim (names, keywords, colloquial phrases),
 *    jieba words without stopwords (and glued filler: 想开 → 开), character bigrams.
 *
 * The planner owns its term maps and reuses them from one query to the next.
 */
import type { IndexData } from './build';
import { isCjk, isLetter } from './normalize';
import { readingsOf, splitPinyin } from './pinyin';
import { QUERY_WEIGHTS } from './scoring';
import { bigramKey, queryWords } from './tokenize';

/** Longest query word whose sub-words are looked up. */
const MAX_SUBWORD_SOURCE = 8;
/** Longest run of initials looked up as one phrase. */
const MAX_INITIALS = 12;
/** Coordination units tracked per query (bits of an int). */
const MAX_UNITS = 30;

export class QueryPlanner {
  readonly words = new Map<string, number>();
  readonly bigrams = new Map<number, number>();
  readonly phrases = new Map<number, number>();
  /**
   * Content words of the query (known, two characters or more, from the text itself or a
   * correction of it) by bit index: a guide matching more of them ranks higher (coordination).
   */
  readonly units = new Map<string, number>();
  /** Extra pieces of text (alternatives, corrections) with their weights. */
  private readonly extraText: string[] = [];
  private readonly extraWeight: number[] = [];
  private readonly extraUnits: boolean[] = [];

  // Homophone search state (avoids closures per query).
  private text = '';
  private start = 0;
  private bestLen = 0;
  private bestDiff = 0;
  private bestPhrase = -1;
  private exactLen = 0;

  constructor(private readonly data: IndexData) {}

  /** Fills words/bigrams/phrases for a normalised, non-empty query. */
  plan(norm: string): void {
    this.words.clear();
    this.bigrams.clear();
    this.phrases.clear();
    this.units.clear();
    this.extraText.length = 0;
    this.extraWeight.length = 0;
    this.extraUnits.length = 0;
    const main = this.rewriteLatin(norm);
    this.addCorrections(main);
    this.addText(main, 1, true);
    for (let i = 0; i < this.extraText.length; i++) this.addText(this.extraText[i]!, this.extraWeight[i]!, this.extraUnits[i]!);
  }

  /** Adds a piece of text to read besides the query; `units`: its words count for coordination. */
  private extra(text: string, weight: number, units = false): void {
    if (text) {
      this.extraText.push(text);
      this.extraWeight.push(weight);
      this.extraUnits.push(units);
    }
  }

  // ---- 1. typed pinyin and initials ---------------------------------------------------------

  /** Replaces runs of letters that read as pinyin or initials by the Chinese they stand for. */
  private rewriteLatin(norm: string): string {
    let out = '';
    let i = 0;
    let copied = 0;
    while (i < norm.length) {
      if (!isLetter(norm.charCodeAt(i))) {
        i++;
        continue;
      }
      // A run of letters, single spaces inside allowed: "kai fan dian".
      let j = i;
      while (j < norm.length) {
        const c = norm.charCodeAt(j);
        if (isLetter(c)) j++;
        else if (c === 32 && j + 1 < norm.length && isLetter(norm.charCodeAt(j + 1))) j++;
        else break;
      }
      const run = norm.slice(i, j);
      const chinese = this.latinToChinese(run);
      if (chinese !== null) {
        out += norm.slice(copied, i) + chinese;
        copied = j;
        const compact = run.indexOf(' ') < 0 ? run : run.replace(/ /g, '');
        // Keep the letters too when they are something in their own right (ktv, sfz as a phrase).
        if (this.data.words.has(compact) || this.data.phraseTrie.get(compact) >= 0) this.extra(compact, 1);
      }
      i = j;
    }
    return copied === 0 ? norm : out + norm.slice(copied);
  }

  private latinToChinese(run: string): string | null {
    const data = this.data;
    const compact = run.indexOf(' ') < 0 ? run : run.replace(/ /g, '');
    // Full pinyin, spaces being syllable boundaries.
    let syllables: number[] | null = [];
    for (const word of run.split(' ')) {
      const s = splitPinyin(word);
      if (!s) {
        syllables = null;
        break;
      }
      for (const x of s) syllables.push(x);
    }
    let partial = '';
    if (syllables && syllables.length >= 2) {
      let text = '';
      let covered = 0;
      let gap = false;
      for (let i = 0; i < syllables.length; ) {
        // Longest known phrase of at least two syllables starting here.
        let node = 0;
        let end = -1;
        let ids: readonly number[] | undefined;
        for (let k = i; k < syllables.length; k++) {
          node = data.pinyinTrie.child(node, syllables[k]!);
          if (node < 0) break;
          const v = data.pinyinTrie.valuesAt(node);
          if (v && k > i) {
            end = k + 1;
            ids = v;
          }
        }
        if (end < 0 || !ids) {
          gap = text.length > 0;
          i++;
          continue;
        }
        const ranked = [...ids].sort((a, b) => data.phrases[b]!.count - data.phrases[a]!.count);
        text += (gap ? ' ' : '') + data.phrases[ranked[0]!]!.text;
        gap = false;
        for (let r = 1; r < Math.min(ranked.length, 3); r++) this.extra(data.phrases[ranked[r]!]!.text, QUERY_WEIGHTS.alternative);
        covered += end - i;
        i = end;
      }
      if (covered * 2 >= syllables.length) return text;
      partial = text;
    }
    // Initials: sfz → 身份证, gtgsh → 个体工商户 (two letters only when unambiguous).
    if (compact.length >= 2) {
      const candidates = this.initials(compact);
      if (candidates && (compact.length >= 3 || candidates.length === 1)) {
        for (let r = 1; r < Math.min(candidates.length, 3); r++) this.extra(candidates[r]!, QUERY_WEIGHTS.alternative);
        return candidates[0]!;
      }
    }
    // Initials of several phrases in a row: sfzbl → 身份证 补领. Two letters stand for too many
    // words (any four random letters would read as two of them), so at most one such piece.
    if (compact.length >= 5 && !partial) {
      let text = '';
      let short = 0;
      for (let i = 0; i < compact.length; ) {
        // Longest piece first.
        let found: readonly string[] | undefined;
        let len = Math.min(compact.length - i, MAX_INITIALS);
        for (; len >= 2; len--) if ((found = this.initials(compact.slice(i, i + len)))) break;
        if (!found || (len === 2 && ++short > 1)) return null;
        text += found[0]!;
        i += len;
      }
      return text;
    }
    return partial || null;
  }

  /** Phrases with these initials (or initials with zh/ch/sh typed for 张/车/社: shbk → sbk). */
  private initials(letters: string): readonly string[] | undefined {
    const table = this.data.initials;
    return table.get(letters) ?? (letters.includes('h') ? table.get(letters.replace(/([zcs])h/g, '$1')) : undefined);
  }

  // ---- 2. homophone typos ---------------------------------------------------------------------

  /** Adds, for each stretch of CJK text that sounds like a known phrase but is spelt differently, that phrase. */
  private addCorrections(main: string): void {
    this.text = main;
    let coveredTo = 0;
    let exactTo = 0;
    for (let i = 0; i < main.length; i++) {
      if (!isCjk(main.charCodeAt(i))) continue;
      this.start = i;
      this.bestLen = 0;
      this.bestDiff = 0;
      this.bestPhrase = -1;
      this.exactLen = 0;
      this.walk(0, i);
      if (i + this.exactLen > exactTo) exactTo = i + this.exactLen;
      if (this.bestPhrase >= 0 && this.bestLen > this.exactLen && i + this.bestLen > Math.max(coveredTo, exactTo)) {
        this.extra(this.data.phrases[this.bestPhrase]!.text, QUERY_WEIGHTS.correction, true);
        coveredTo = i + this.bestLen;
      }
    }
  }

  /** Depth-first through the syllable trie over every reading of the characters from `pos`. */
  private walk(node: number, pos: number): void {
    const text = this.text;
    if (pos >= text.length) return;
    const c = text.charCodeAt(pos);
    if (!isCjk(c)) return;
    const readings = readingsOf(c);
    for (let r = 0; r < readings.length; r++) {
      const child = this.data.pinyinTrie.child(node, readings[r]!);
      if (child < 0) continue;
      const len = pos + 1 - this.start;
      if (len >= 2) {
        const ids = this.data.pinyinTrie.valuesAt(child);
        if (ids) for (let k = 0; k < ids.length; k++) this.consider(ids[k]!, len);
      }
      this.walk(child, pos + 1);
    }
  }

  private consider(id: number, len: number): void {
    const phrase = this.data.phrases[id]!.text;
    let diff = 0;
    for (let k = 0; k < len; k++) {
      const c = this.text.charCodeAt(this.start + k);
      if (phrase.charCodeAt(k) === c) continue;
      // 的补贴 is not a typo of 地补: particles are not corrected.
      if (this.data.stopChars.has(c)) return;
      diff++;
    }
    if (diff === 0) {
      if (len > this.exactLen) this.exactLen = len;
      return;
    }
    // 2-3 characters: one may be wrong; 4-5: two; longer: three.
    const allowed = len <= 3 ? 1 : len <= 5 ? 2 : 3;
    if (diff > allowed) return;
    const better =
      len > this.bestLen ||
      (len === this.bestLen &&
        (diff < this.bestDiff ||
          (diff === this.bestDiff && this.data.phrases[id]!.count > this.data.phrases[this.bestPhrase]!.count)));
    if (better) {
      this.bestLen = len;
      this.bestDiff = diff;
      this.bestPhrase = id;
    }
  }

  // ---- 3. terms of a piece of text --------------------------------------------------------------

  private addText(text: string, weight: number, units: boolean): void {
    this.addPhrases(text, weight);
    this.addWords(text, weight, units);
  }

  /** Known phrases found verbatim; a phrase inside a longer match does not count again. */
  private addPhrases(text: string, weight: number): void {
    const trie = this.data.phraseTrie;
    const compact = text.indexOf(' ') < 0 ? text : text.replace(/ /g, '');
    let maxEnd = 0;
    for (let i = 0; i < compact.length; i++) {
      let node = 0;
      let end = -1;
      let id = -1;
      for (let k = i; k < compact.length; k++) {
        node = trie.child(node, compact.charCodeAt(k));
        if (node < 0) break;
        const v = trie.valueAt(node);
        if (v >= 0) {
          end = k + 1;
          id = v;
        }
      }
      if (id < 0 || end <= maxEnd) continue;
      maxEnd = end;
      const old = this.phrases.get(id);
      if (old === undefined || old < weight) this.phrases.set(id, weight);
    }
  }

  private addWords(text: string, weight: number, units: boolean): void {
    const stop = this.data.stopwords;
    const known = this.data.words;
    const tokens = queryWords(text);
    let prev = -1;
    for (let t = 0; t < tokens.length; t++) {
      let word = tokens[t]!;
      if (word === ' ' || stop.has(word)) {
        prev = -1;
        continue;
      }
      if (word.length >= 2 && !known.has(word)) {
        // Filler glued to a word by the segmenter: 想开 → 开.
        const stripped = stripStopwords(word, stop);
        if (stripped !== word) prev = -1;
        word = stripped;
        if (!word) continue;
      }
      const isKnown = known.has(word);
      let found = false;
      this.word(word, (word.length === 1 ? QUERY_WEIGHTS.singleChar : QUERY_WEIGHTS.word) * weight);
      if (units && isKnown && word.length >= 2 && !this.units.has(word) && this.units.size < MAX_UNITS) {
        this.units.set(word, this.units.size);
      }
      if (word.length >= 3 && word.length <= MAX_SUBWORD_SOURCE) {
        // Guides having the whole word have its parts too (search-mode segmentation): parts of a
        // known word only help guides that lack it, and weigh little.
        const subWeight = (isKnown ? QUERY_WEIGHTS.subWordOfKnown : QUERY_WEIGHTS.subWord) * weight;
        for (let a = 0; a < word.length - 1; a++) {
          for (let b = a + 2; b <= word.length; b++) {
            if (a === 0 && b === word.length) continue;
            const sub = word.slice(a, b);
            if (known.has(sub)) {
              this.word(sub, subWeight);
              found = true;
            }
          }
        }
      }
      if (!isKnown && !found && word.length >= 2 && isAllKnownChars(word, known, stop)) {
        // An unknown word with no known part, made of known characters (牛羊): those, faintly.
        for (let k = 0; k < word.length; k++) this.word(word[k]!, QUERY_WEIGHTS.unknownWordChar * weight);
      }
      for (let k = 0; k < word.length; k++) {
        const c = word.charCodeAt(k);
        if (!isCjk(c)) {
          prev = -1;
          continue;
        }
        if (prev >= 0) {
          const key = bigramKey(prev, c);
          const old = this.bigrams.get(key);
          const w = QUERY_WEIGHTS.bigram * weight;
          if (old === undefined || old < w) this.bigrams.set(key, w);
        }
        prev = c;
      }
    }
  }

  private word(word: string, weight: number): void {
    const old = this.words.get(word);
    if (old === undefined || old < weight) this.words.set(word, weight);
  }
}

function isAllKnownChars(word: string, known: ReadonlyMap<string, unknown>, stop: ReadonlySet<string>): boolean {
  for (let k = 0; k < word.length; k++) {
    const ch = word[k]!;
    if (!isCjk(word.charCodeAt(k)) || !known.has(ch) || stop.has(ch)) return false;
  }
  return true;
}

/** Removes stopwords glued at the start or end of a word. */
function stripStopwords(word: string, stop: ReadonlySet<string>): string {
  let w = word;
  for (let changed = true; changed && w.length > 0; ) {
    changed = false;
    for (let k = w.length - 1; k >= 1; k--) {
      if (stop.has(w.slice(0, k))) {
        w = w.slice(k);
        changed = true;
        break;
      }
      if (stop.has(w.slice(w.length - k))) {
        w = w.slice(0, w.length - k);
        changed = true;
        break;
      }
    }
  }
  return w;
}
