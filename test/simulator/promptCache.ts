// Input token accounting with a prompt cache that behaves like the API's. The prompt is a list of
// segments (tools, then system blocks, then message blocks), each keyed by a hash chain over the
// exact prefix up to it. Caches are separate per model, per served speed and per thinking
// settings (the seed of the chain), so a change of any of them misses. A breakpoint is a block
// with `cache_control`, or the last block when the request has top-level `cache_control`. At each
// breakpoint the cache is looked up there and up to 20 blocks back; the longest hit is read, the
// rest up to the last breakpoint is written, split by the TTL of the breakpoint that covers it.
// Prefixes shorter than the model's minimum are neither written nor read. Time comes from the
// clock the server was given, so tests can expire entries without waiting.

import { createHash } from 'node:crypto';
import type { Usage } from '../../src/anthropic/types';
import { countTokens } from './tokens';
import type { ValidRequest } from './validate';

export type Ttl = '5m' | '1h';
const TTL_MS: Record<Ttl, number> = { '5m': 5 * 60_000, '1h': 60 * 60_000 };
/** Per-message framing overhead the real tokenizer adds (role markers). */
const MESSAGE_OVERHEAD = 3;
/** How far back from a breakpoint the API looks for an earlier cache entry. */
export const LOOKBACK_BLOCKS = 20;

export type Part = 'tools' | 'system' | 'messages';

export interface Segment {
  part: Part;
  /** For message segments: the index of the message. */
  message: number;
  tokens: number;
  /** Hash of this segment alone (cache_control left out: moving a breakpoint changes nothing). */
  own: string;
  /** Hash of the prefix up to and including this segment, seeded per model, speed and thinking. */
  key: string;
  ttl?: Ttl;
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
  const cc = (block as { cache_control?: { ttl?: string } | null }).cache_control;
  if (!cc) return undefined;
  return cc.ttl === '1h' ? '1h' : '5m';
}

function withoutCacheControl(block: unknown): unknown {
  if (typeof block !== 'object' || block === null) return block;
  const { cache_control: _cc, ...rest } = block as Record<string, unknown>;
  return rest;
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What separates caches: model, served speed, thinking settings. */
export function cacheSeed(req: ValidRequest): string {
  return JSON.stringify([req.model.id, req.servedSpeed, req.thinking]);
}

/** The request as an ordered list of segments. */
export function segments(req: ValidRequest): Segment[] {
  const out: Segment[] = [];
  const chain = createHash('sha256').update(cacheSeed(req));
  const add = (part: Part, message: number, block: unknown, overhead: number): void => {
    const own = JSON.stringify(withoutCacheControl(block));
    chain.update(own);
    const seg: Segment = {
      part,
      message,
      tokens: countTokens(blockText(block)) + overhead,
      own: sha(own),
      key: chain.copy().digest('hex'),
    };
    const ttl = ttlOf(block);
    if (ttl) seg.ttl = ttl;
    out.push(seg);
  };
  for (const t of req.tools ?? []) add('tools', -1, t, 0);
  if (typeof req.system === 'string') add('system', -1, req.system, 0);
  else for (const b of req.system ?? []) add('system', -1, b, 0);
  req.messages.forEach((m, i) => {
    const blocks = typeof m.content === 'string' ? [m.content] : m.content;
    blocks.forEach((b, j) => add('messages', i, b, j === 0 ? MESSAGE_OVERHEAD : 0));
  });
  const last = out[out.length - 1];
  if (req.cacheControl && last && !last.ttl) last.ttl = req.cacheControl.ttl === '1h' ? '1h' : '5m';
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

interface Entry {
  expires: number;
  ttl: Ttl;
}

export class PromptCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  clear(): void {
    this.entries.clear();
  }

  /** Accounts one request: reads what is cached, writes its breakpoints. */
  account(req: ValidRequest, segs = segments(req)): InputUsage {
    const now = this.now();
    const min = req.model.minCacheTokens;
    const cumulative: number[] = [];
    let total = 0;
    for (const s of segs) cumulative.push((total += s.tokens));
    const breakpoints = segs.flatMap((s, i) => (s.ttl && (cumulative[i] ?? 0) >= min ? [i] : []));

    let readUpTo = 0;
    let readAt = -1;
    for (const bp of breakpoints) {
      for (let j = bp; j >= Math.max(0, bp - LOOKBACK_BLOCKS); j--) {
        const entry = this.entries.get(segs[j]?.key ?? '');
        if (entry && entry.expires > now && (cumulative[j] ?? 0) >= min) {
          if ((cumulative[j] ?? 0) > readUpTo) [readUpTo, readAt] = [cumulative[j] ?? 0, j];
          break;
        }
      }
    }
    const hit = readAt >= 0 ? this.entries.get(segs[readAt]?.key ?? '') : undefined;
    if (hit) hit.expires = now + TTL_MS[hit.ttl];

    const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    let covered = readUpTo;
    for (const bp of breakpoints) {
      const seg = segs[bp];
      const upTo = cumulative[bp] ?? 0;
      if (!seg?.ttl) continue;
      this.entries.set(seg.key, { expires: now + TTL_MS[seg.ttl], ttl: seg.ttl });
      if (upTo <= covered) continue;
      if (seg.ttl === '1h') creation.ephemeral_1h_input_tokens += upTo - covered;
      else creation.ephemeral_5m_input_tokens += upTo - covered;
      covered = upTo;
    }
    const created = covered - readUpTo;
    return {
      input_tokens: total - covered,
      cache_creation_input_tokens: created,
      cache_read_input_tokens: readUpTo,
      cache_creation: creation,
    };
  }
}
