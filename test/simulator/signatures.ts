// Opaque tokens the API hands out and later checks: the `signature` of a thinking block and the
// `data` of a redacted_thinking block. Each is an HMAC under a server secret, so the simulator can
// tell an unmodified block it issued from an edited, truncated or foreign one, as the API does.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Default secret: fixed, so signatures survive a simulator restart (the offline demo restarts it
 * while conversations are kept). Pass another secret to make a server reject this one's blocks.
 */
export const DEFAULT_SIGNING_SECRET = 'thinkfast-simulator-signing-secret-v1';

const NONCE_BYTES = 16;
const MAC_BYTES = 32;
// Domain labels keep a thinking signature from passing as redacted data and the reverse.
const THINKING = 'thinking\u0000';
const REDACTED = 'redacted_thinking\u0000';

export class Signer {
  constructor(private readonly secret: string) {}

  /** Signs the thinking text as shown to the client ("" when display is omitted). */
  signThinking(thinking: string): string {
    return this.issue(THINKING, thinking);
  }

  verifyThinking(thinking: string, signature: string): boolean {
    return this.check(THINKING, thinking, signature);
  }

  /** A fresh opaque `data` value for a redacted_thinking block. */
  redactedData(): string {
    // Extra random bytes stand in for the encrypted reasoning, so the value looks the part.
    return this.issue(REDACTED, '', randomBytes(48));
  }

  verifyRedacted(data: string): boolean {
    return this.check(REDACTED, '', data);
  }

  private mac(label: string, nonce: Buffer, text: string): Buffer {
    return createHmac('sha256', this.secret).update(label).update(nonce).update(text, 'utf8').digest();
  }

  private issue(label: string, text: string, filler: Buffer = Buffer.alloc(0)): string {
    const nonce = randomBytes(NONCE_BYTES);
    return Buffer.concat([nonce, this.mac(label, nonce, text), filler]).toString('base64');
  }

  private check(label: string, text: string, token: string): boolean {
    if (typeof token !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return false;
    const raw = Buffer.from(token, 'base64');
    if (raw.length < NONCE_BYTES + MAC_BYTES) return false;
    // Redacted data carries filler after the MAC; a thinking signature must not.
    if (label === THINKING && raw.length !== NONCE_BYTES + MAC_BYTES) return false;
    const nonce = raw.subarray(0, NONCE_BYTES);
    const given = raw.subarray(NONCE_BYTES, NONCE_BYTES + MAC_BYTES);
    return timingSafeEqual(given, this.mac(label, nonce, text));
  }
}
