/**
 * Personal values a dialogue must remember between messages (the phone being bound, a complainant's
 * phone) are sealed with AES-256-GCM before they reach the conversation store, under a key derived
 * from the bot's gateway credential: readable after a restart, never stored in the clear.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface Sealer {
  seal(value: string): string;
  open(sealed: string | undefined): string | undefined;
}

export function createSealer(secret: string): Sealer {
  const key = createHash('sha256').update(`onewindow-bot-state:${secret}`).digest();
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    open(sealed) {
      if (!sealed) return undefined;
      try {
        const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/** 13912345678 → 139****5678 (the only form a phone is ever shown in). */
export const maskPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;
