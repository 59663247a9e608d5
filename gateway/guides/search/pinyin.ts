/**
 * Toneless pinyin for indexing and for reading what residents type: syllables are interned to
 * small integers; a character → readings table is filled at build time for every character of
 * the catalogue (one pinyin-pro call), and pinyin-pro is only asked again for characters never
 * seen before (then cached). Strings with polyphonic characters get their context reading
 * (银行 → yin hang, not yin xing), also cached per string.
 */
import { pinyin, polyphonic } from 'pinyin-pro';
import { isCjk } from './normalize';

/** Every standard toneless syllable (ü written v), for splitting typed pinyin into syllables. */
const STANDARD_SYLLABLES = (
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ' +
  'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu ' +
  'cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ' +
  'ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan ' +
  'guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian ' +
  'jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan ' +
  'kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun ' +
  'luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei ' +
  'nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi ' +
  'pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren ' +
  'reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen ' +
  'sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te ' +
  'tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang ' +
  'xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan ' +
  'zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang ' +
  'zhui zhun zhuo zi zong zou zu zuan zui zun zuo'
).split(' ');

const MAX_SYLLABLE_LENGTH = 6;

/** Upper bound for syllable ids, used to pack (node, syllable) pairs into one number. */
export const SYLLABLE_SPACE = 4096;

/** Interned syllables: id 0 means "no syllable" (not a CJK character). */
const syllableIds = new Map<string, number>();
const syllableNames: string[] = [''];
/** Only standard syllables may be produced when splitting typed pinyin. */
const typedSyllables = new Map<string, number>();

function internSyllable(s: string): number {
  let id = syllableIds.get(s);
  if (id === undefined) {
    if (syllableNames.length >= SYLLABLE_SPACE) return 0;
    id = syllableNames.length;
    syllableNames.push(s);
    syllableIds.set(s, id);
  }
  return id;
}

for (const s of STANDARD_SYLLABLES) typedSyllables.set(s, internSyllable(s));

export function syllableName(id: number): string {
  return syllableNames[id] ?? '';
}

/** First letter of a syllable: zhang → z (what residents type for initials: 身份证 → sfz). */
export function syllableInitial(id: number): string {
  return (syllableNames[id] ?? '').charAt(0);
}

const PINYIN_OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

/** char code → syllable ids (most common reading first). */
const charReadings = new Map<number, number[]>();
/** normalised string → one syllable id per UTF-16 unit (0 for non-CJK), context readings. */
const stringCache = new Map<string, Int16Array>();
const STRING_CACHE_LIMIT = 200_000;

function cleanReading(r: string): string {
  return r.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z]/g, '');
}

function storeReadings(code: number, readings: readonly string[]): void {
  const ids: number[] = [];
  for (const r of readings) {
    const clean = cleanReading(r);
    if (!clean) continue;
    const id = internSyllable(clean);
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) ids.push(internSyllable(String.fromCharCode(code)));
  charReadings.set(code, ids);
}

/** Fills the character table for every not yet known CJK character of `text`, in one call. */
export function primeCharacters(text: string): void {
  let unseen = '';
  const pending = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c) && !charReadings.has(c) && !pending.has(c)) {
      pending.add(c);
      unseen += text[i];
    }
  }
  if (!unseen) return;
  const all = polyphonic(unseen, PINYIN_OPTIONS) as unknown as string[][];
  for (let i = 0; i < unseen.length; i++) storeReadings(unseen.charCodeAt(i), all[i] ?? []);
}

/** All readings of one CJK character (fallback to pinyin-pro, cached, for unseen ones). */
export function readingsOf(code: number): readonly number[] {
  let r = charReadings.get(code);
  if (!r) {
    primeCharacters(String.fromCharCode(code));
    r = charReadings.get(code) ?? [];
  }
  return r;
}

/**
 * One syllable id per character of a normalised string (0 where it is not CJK), using the reading
 * in context for polyphonic characters. Build-time helper; cached per string.
 */
export function syllablesOf(text: string): Int16Array {
  const cached = stringCache.get(text);
  if (cached) return cached;
  const out = new Int16Array(text.length);
  let polyphone = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isCjk(c)) continue;
    const r = readingsOf(c);
    out[i] = r[0] ?? 0;
    if (r.length > 1) polyphone = true;
  }
  if (polyphone) {
    const ctx = pinyin(text, PINYIN_OPTIONS) as unknown as string[];
    if (ctx.length === text.length) {
      for (let i = 0; i < text.length; i++) {
        if (!isCjk(text.charCodeAt(i))) continue;
        const clean = cleanReading(ctx[i] ?? '');
        if (clean) out[i] = internSyllable(clean);
      }
    }
  }
  if (stringCache.size >= STRING_CACHE_LIMIT) stringCache.clear();
  stringCache.set(text, out);
  return out;
}

/** Initials of a normalised CJK string: 身份证 → sfz (non-CJK characters kept). */
export function initialsOf(text: string): string {
  const syl = syllablesOf(text);
  let out = '';
  for (let i = 0; i < text.length; i++) out += syl[i] ? syllableInitial(syl[i]!) : text[i];
  return out;
}

/**
 * Splits typed pinyin (letters only) into standard syllables, fewest syllables first and, among
 * equals, longer syllables first ("xian" → xian; "fangan" → fang an). Null when impossible.
 */
export function splitPinyin(letters: string): number[] | null {
  const n = letters.length;
  if (n === 0) return null;
  // best[i]: fewest syllables for letters[i..]; next[i]: length of the first syllable there.
  const best = new Int32Array(n + 1).fill(0x3fffffff);
  const next = new Int8Array(n + 1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(MAX_SYLLABLE_LENGTH, n - i); len >= 1; len--) {
      if (best[i + len]! + 1 >= best[i]!) continue;
      if (typedSyllables.has(letters.slice(i, i + len))) {
        best[i] = best[i + len]! + 1;
        next[i] = len;
      }
    }
  }
  if (best[0]! >= 0x3fffffff) return null;
  const out: number[] = [];
  for (let i = 0; i < n; i += next[i]!) out.push(typedSyllables.get(letters.slice(i, i + next[i]!))!);
  return out;
}
