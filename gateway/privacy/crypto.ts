/**
 * Personal data at rest: AES-256-GCM (authenticated) with the configured key, plus a keyed
 * HMAC-SHA256 "blind index" for exact look-ups without decrypting. Separate sub-keys are derived
 * for each purpose so one never doubles as the other.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { config } from '../../config/server';

const VERSION = 'v1';

interface Keys {
  master: Buffer;
  encryption: Buffer;
  lookup: Buffer;
}

let keys: Keys | undefined;

function currentKeys(): Keys {
  const master = config().secrets.dataKey;
  if (keys?.master !== master) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
    keys = { master, encryption: derive('onewindow/pii-encryption'), lookup: derive('onewindow/pii-lookup') };
  }
  return keys;
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url parts). */
export function encryptPersonal(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', currentKeys().encryption, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function decryptPersonal(sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !tag) throw new Error('unrecognised personal-data envelope');
  const decipher = createDecipheriv('aes-256-gcm', currentKeys().encryption, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Deterministic keyed hash for look-ups (`kind` keeps phone and ID hashes apart). */
export function lookupHash(kind: 'phone' | 'id' | 'openid', value: string): string {
  return createHmac('sha256', currentKeys().lookup).update(`${kind}:${value}`).digest('base64url');
}
