// Keeps the API key out of everything a person or a log can see. Every string that goes into an
// AnthropicError or a log line from this layer passes through a Redactor first.

/** Anything shaped like an Anthropic key (`sk-ant-…`), whether or not it is the configured one. */
const KEY_SHAPE = /sk-ant-[A-Za-z0-9_-]+/g;

/** The text that replaces a secret. */
export const REDACTED = '[REDACTED]';

/** Removes every occurrence of the given secrets and of anything key-shaped from `text`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short "secrets" would shred ordinary text; a real key or token is long.
    if (secret.length >= 8) out = out.split(secret).join(REDACTED);
  }
  return out.replace(KEY_SHAPE, REDACTED);
}

/** A redactor bound to the configured secrets. */
export type Redactor = (text: string) => string;

/** Binds `redactSecrets` to the client's key/token (and its URL-encoded form, which URLs carry). */
export function makeRedactor(secrets: readonly (string | undefined)[]): Redactor {
  const list = secrets.filter((s): s is string => typeof s === 'string' && s.length > 0);
  const all = [...new Set([...list, ...list.map((s) => encodeURIComponent(s))])];
  return (text) => redactSecrets(text, all);
}
