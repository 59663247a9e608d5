/**
 * Text normalisation shared by indexing and querying: full-width to half-width (NFKC), lower
 * case, and every character that is neither a CJK ideograph, an ASCII letter nor a digit
 * (punctuation, symbols, whitespace) turned into a single space.
 */

/** CJK Unified Ideographs, Extension A and the compatibility block (BMP only). */
export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** a-z (after lower-casing). */
export function isLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isKept(c: number): boolean {
  return isLetter(c) || isDigit(c) || isCjk(c);
}

/** True when NFKC could change something we keep (full-width forms, ideographic space, ...). */
function needsNfkc(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f && !(c >= 0x4e00 && c <= 0x9fff)) return true;
  }
  return false;
}

/**
 * "ＫＴＶ怎么办？" → "ktv怎么办"; "出生登记（上户口）" → "出生登记 上户口".
 * Runs of kept characters are joined by single spaces; the result has no leading/trailing space.
 */
export function normalizeText(input: string): string {
  if (!input) return '';
  let s = needsNfkc(input) ? input.normalize('NFKC') : input;
  s = s.toLowerCase();
  let out = '';
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const keep = i < s.length && isKept(s.charCodeAt(i));
    if (keep) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out = out ? `${out} ${s.slice(start, i)}` : s.slice(start, i);
      start = -1;
    }
  }
  return out;
}

/** Normalised text without any spaces: "出生登记 上户口" → "出生登记上户口". */
export function compactText(input: string): string {
  const n = normalizeText(input);
  return n.indexOf(' ') < 0 ? n : n.replace(/ /g, '');
}

/** Whether every character of a (normalised) string is a CJK ideograph. */
export function isAllCjk(s: string): boolean {
  if (!s) return false;
  for (let i = 0; i < s.length; i++) if (!isCjk(s.charCodeAt(i))) return false;
  return true;
}

/** Whether a string contains any CJK ideograph (latin phrases have no pinyin). */
export function hasCjk(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isCjk(s.charCodeAt(i))) return true;
  return false;
}
