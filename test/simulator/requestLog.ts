// What the simulator remembers about each request, for tests to assert on. The API key is never
// stored — only whether one came and in which header.

import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  /** The `request-id` this request was answered with. */
  requestId: string;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names as received (values are not kept: one of them is the key). */
  headerNames: string[];
  /** Which header carried a key, or null when none did. */
  auth: 'x-api-key' | 'bearer' | null;
  anthropicVersion?: string;
  /** `anthropic-beta`, split on commas and trimmed. */
  betas: string[];
  /** The parsed JSON body (undefined for GET or unparsable bodies). */
  body?: unknown;
  stream?: boolean;
  /** The speed the request asked for (`speed` in the body). */
  requestedSpeed?: 'fast' | 'standard';
  /** The speed served (`usage.speed`), for requests that asked for fast. */
  servedSpeed?: 'fast' | 'standard';
  /** The fault applied, e.g. `429;retry-after=2`. */
  fault?: string;
  /** HTTP status sent (0 until the headers go out). */
  status: number;
  /** `error.type` for error responses and `event: error`. */
  errorType?: string;
  /** How the exchange ended. */
  outcome?: 'complete' | 'error' | 'stream-error' | 'dropped' | 'stalled' | 'truncated' | 'client-closed';
  receivedAt: number;
}

export function authKind(headers: IncomingHttpHeaders): LoggedRequest['auth'] {
  if (typeof headers['x-api-key'] === 'string' && headers['x-api-key'] !== '') return 'x-api-key';
  if (/^bearer\s+\S/i.test(headers.authorization ?? '')) return 'bearer';
  return null;
}

/** The key from `x-api-key` or `authorization: Bearer`; used for the check, then dropped. */
export function apiKeyOf(headers: IncomingHttpHeaders): string | undefined {
  const direct = headers['x-api-key'];
  if (typeof direct === 'string' && direct !== '') return direct;
  const m = /^bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return m?.[1];
}

export function betasOf(headers: IncomingHttpHeaders): string[] {
  const raw = headers['anthropic-beta'];
  const joined = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return joined
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}
