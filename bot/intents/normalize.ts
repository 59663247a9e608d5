/** Message text as the matcher sees it: one width, one case, no decoration. */

/** NFKC (full-width digits and letters to ASCII), no zero-width or odd spaces, trimmed. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/[\s\u2005\u3000]+/g, ' ')
    .trim();
}

/** The form patterns run against: normalized, lower-case, without spaces and closing punctuation. */
export function matchForm(raw: string): string {
  return normalizeText(raw)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[。.!！~～…]+$/g, '')
    .replace(/[?？]+$/g, (q, offset: number) => (offset === 0 ? q : ''));
}

/** Masks phone and ID numbers in text kept for context (never stored or shown in full). */
export function maskNumbers(text: string): string {
  return text
    .replace(/(?<!\d)(\d{6})(\d{8})(\d{3}[\dxX])(?!\d)/g, '$1********$3')
    .replace(/(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)/g, '$1****$3');
}
