/** Masks for personal data shown to people or written to logs. */

/** 13800138000 → 138****8000 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 150203199001011234 → 1502**********1234 */
export function maskIdNumber(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

/** Name shown to staff who need only a hint: 张三丰 → 张*丰, 李四 → 李*. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

// Digits not preceded/followed by another digit: an 18-character ID (last may be X) or an
// 11-digit mainland mobile number (optionally +86 / 86 prefixed).
const ID_PATTERN = /(?<![0-9])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9Xx])/g;
const PHONE_PATTERN = /(?<![0-9])((?:\+?86)?1[3-9]\d{9})(?![0-9])/g;

/** Replaces any ID or phone number inside free text with its mask. */
export function maskSensitiveText(text: string): string {
  if (text.length < 11) return text;
  return text
    .replace(ID_PATTERN, (m) => maskIdNumber(m))
    .replace(PHONE_PATTERN, (m) => maskPhone(m.slice(-11)));
}

/**
 * Removes any ID or phone number inside free text altogether. For text whose writer must stay
 * unknown (anonymous complaints): even a mask would match the mask of the writer's own number.
 */
export function redactSensitiveText(text: string, placeholder = '[号码已隐去]'): string {
  if (text.length < 11) return text;
  return text.replace(ID_PATTERN, placeholder).replace(PHONE_PATTERN, placeholder);
}
