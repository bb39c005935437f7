// Input token accounting with a small prompt cache. Blocks marked `cache_control` are breakpoints:
// the prefix up to the longest breakpoint seen before is read from the cache, the rest up to the
// last breakpoint is written. The key includes model and speed because fast and standard requests
// do not share cache prefixes (API-NOTES, fast mode). No minimum cacheable length is applied, so
// tests can use short prompts.

import { createHash } from 'node:crypto';
import type { Usage } from '../../src/anthropic/types';
import { countTokens } from './tokens';
import type { ValidRequest } from './validate';

type Ttl = '5m' | '1h';
const TTL_MS: Record<Ttl, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };
/** Per-message framing overhead the real tokenizer adds (role markers). */
const MESSAGE_OVERHEAD = 3;

interface Segment {
  tokens: number;
  ttl?: Ttl;
  key: string;
}

function blockText(block: unknown): string {
  if (typeof block === 'string') return block;
  const b = block as Record<string, unknown>;
  if (typeof b.text === 'string') return b.text;
  if (typeof b.thinking === 'string') return b.thinking;
  return JSON.stringify(b);
}

function ttlOf(block: unknown): Ttl | undefined {
  if (typeof block !== 'object' || block === null) return undefined;
  const cc = (block as { cache_control?: { ttl?: string } }).cache_control;
  if (!cc) return undefined;
  return cc.ttl === '1h' ? '1h' : '5m';
}

/** The request as an ordered list of segments, each keyed by a hash chain over its prefix. */
function segments(req: ValidRequest): Segment[] {
  const out: Segment[] = [];
  const hash = createHash('sha256').update(`${req.model.id}\u0000${req.speed ?? 'standard'}\u0000`);
  const add = (block: unknown, overhead: number): void => {
    hash.update(JSON.stringify(block));
    const seg: Segment = { tokens: countTokens(blockText(block)) + overhead, key: hash.copy().digest('hex') };
    const ttl = ttlOf(block);
    if (ttl) seg.ttl = ttl;
    out.push(seg);
  };
  if (typeof req.system === 'string') add(req.system, 0);
  else for (const b of req.system ?? []) add(b, 0);
  for (const m of req.messages) {
    const blocks = typeof m.content === 'string' ? [m.content] : m.content;
    blocks.forEach((b, i) => add(b, i === 0 ? MESSAGE_OVERHEAD : 0));
  }
  return out;
}

/** Total input tokens of a request (count_tokens answers this). */
export function inputTokens(req: ValidRequest): number {
  return segments(req).reduce((sum, s) => sum + s.tokens, 0);
}

export type InputUsage = Pick<
  Usage,
  'input_tokens' | 'cache_creation_input_tokens' | 'cache_read_input_tokens' | 'cache_creation'
>;

export class PromptCache {
  private readonly entries = new Map<string, number>();

  /** Accounts one request: reads what is cached, writes its breakpoints. */
  account(req: ValidRequest, now = Date.now()): InputUsage {
    const segs = segments(req);
    let total = 0;
    let readUpTo = 0;
    let lastBreakpoint = -1;
    const cumulative: number[] = [];
    segs.forEach((s, i) => {
      total += s.tokens;
      cumulative.push(total);
      if (!s.ttl) return;
      lastBreakpoint = i;
      const expires = this.entries.get(s.key);
      if (expires !== undefined && expires > now) readUpTo = total;
    });
    let created = 0;
    const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    if (lastBreakpoint >= 0) {
      created = Math.max(0, (cumulative[lastBreakpoint] ?? 0) - readUpTo);
      const lastTtl = segs[lastBreakpoint]?.ttl ?? '5m';
      if (lastTtl === '1h') creation.ephemeral_1h_input_tokens = created;
      else creation.ephemeral_5m_input_tokens = created;
      for (const s of segs) if (s.ttl) this.entries.set(s.key, now + TTL_MS[s.ttl]);
    }
    return {
      input_tokens: total - readUpTo - created,
      cache_creation_input_tokens: created,
      cache_read_input_tokens: readUpTo,
      cache_creation: creation,
    };
  }
}
