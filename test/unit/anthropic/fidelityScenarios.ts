// The fidelity scenarios: one request each, sent by our client and by the official SDK. Models our
// client's table knows are driven through its request builder; the rest (the 5.x lineup) through
// an explicit body, so the comparison is about the wire, not about the client's catalogue.

import assert from 'node:assert/strict';
import type { RequestSettings } from '../../../src/anthropic/requestBuilder';
import type { Message, MessageCreateParams } from '../../../src/anthropic/types';

export const MAGIC =
  'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';

export interface Scenario {
  name: string;
  prompt: string;
  /** Built by our request builder (model defaults to Opus 4.6). */
  settings?: Partial<RequestSettings>;
  /** Sent as is (messages added from `prompt`); wins over `settings`. */
  body?: Record<string, unknown>;
  betas?: string[];
  /** A second request in the same conversation, after the first (caching, diagnostics). */
  followUp?: boolean;
  check?: (m: Message) => void;
}

type Extra = Message & { stop_details?: { category?: string } | null; diagnostics?: unknown };
const types = (m: Message): string[] => m.content.map((b) => b.type);
const firstThinking = (m: Message): string | undefined =>
  (m.content.find((b) => b.type === 'thinking') as { thinking?: string } | undefined)?.thinking;
const summarized = { type: 'adaptive', display: 'summarized' };
const LONG_SYSTEM = [{ type: 'text', text: 'You are a careful senior engineer. '.repeat(120) }];

export const SCENARIOS: Scenario[] = [
  {
    name: 'opus 4.6: adaptive thinking then text',
    prompt: 'Explain memoization in Python',
    check: (m) => assert.deepEqual(types(m), ['thinking', 'text']),
  },
  {
    name: 'opus 4.6: redacted thinking (magic string)',
    prompt: `Tell me a secret ${MAGIC}`,
    check: (m) => assert.ok(m.content.some((b) => b.type === 'redacted_thinking')),
  },
  {
    name: 'opus 4.6: omitted thinking display',
    prompt: 'Explain closures in JavaScript',
    settings: { display: 'omitted' },
    check: (m) => assert.equal(firstThinking(m), ''),
  },
  {
    name: 'opus 4.6: fast requested, served at standard speed',
    prompt: 'Explain generators in Python',
    settings: { fast: true },
    check: (m) => assert.equal(m.usage.speed, 'standard'),
  },
  {
    name: 'opus 4.6: max_tokens stop',
    prompt: 'Explain the borrow checker in Rust [sim:long tokens=2000]',
    settings: { maxTokens: 300, thinking: 'off' },
    check: (m) => assert.equal(m.stop_reason, 'max_tokens'),
  },
  {
    name: 'opus 4.6: long answer',
    prompt: 'Write a long guide to Go channels [sim:long tokens=3000]',
    settings: { maxTokens: 8_000 },
  },
  { name: 'sonnet 4.6: adaptive', prompt: 'Explain tail calls', settings: { model: 'claude-sonnet-4-6' } },
  {
    name: 'haiku 4.5: budget thinking',
    prompt: 'Explain recursion',
    settings: { model: 'claude-haiku-4-5' },
  },
  {
    name: 'sonnet 4.5 (deprecated): budget thinking',
    prompt: 'Explain monads',
    settings: { model: 'claude-sonnet-4-5' },
  },
  {
    name: 'opus 5.5: no thinking field → always-on thinking, omitted display (signed, empty)',
    prompt: 'Explain async iterators',
    body: { model: 'claude-opus-5-5', max_tokens: 4_000 },
    check: (m) => {
      assert.deepEqual(types(m), ['thinking', 'text']);
      assert.equal(firstThinking(m), '');
      assert.ok((m.usage.output_tokens_details as { thinking_tokens: number }).thinking_tokens > 0);
    },
  },
  {
    name: 'opus 5.5: summarized, xhigh, fast (GA, no beta)',
    prompt: 'Explain the event loop',
    body: {
      model: 'claude-opus-5-5',
      max_tokens: 4_000,
      thinking: summarized,
      output_config: { effort: 'xhigh' },
      speed: 'fast',
    },
    check: (m) => {
      assert.equal(m.usage.speed, 'fast');
      assert.notEqual(firstThinking(m), '');
    },
  },
  {
    name: 'opus 5: fast with the research-preview beta',
    prompt: 'Explain backpressure',
    body: { model: 'claude-opus-5', max_tokens: 4_000, thinking: summarized, speed: 'fast' },
    betas: ['fast-mode-2026-02-01'],
    check: (m) => assert.equal(m.usage.speed, 'fast'),
  },
  {
    name: 'opus 4.8: thinking opt-in, summarized',
    prompt: 'Explain green threads',
    body: { model: 'claude-opus-4-8', max_tokens: 4_000, thinking: summarized },
  },
  {
    name: 'sonnet 5.5: between_tools (no thinking without tools)',
    prompt: 'Explain structural typing',
    body: {
      model: 'claude-sonnet-5-5',
      max_tokens: 4_000,
      thinking: { type: 'between_tools' },
      output_config: { effort: 'medium' },
    },
    check: (m) => assert.deepEqual(types(m), ['text']),
  },
  {
    name: 'sonnet 5: disabled',
    prompt: 'Explain currying',
    body: { model: 'claude-sonnet-5', max_tokens: 4_000, thinking: { type: 'disabled' } },
    check: (m) => assert.deepEqual(types(m), ['text']),
  },
  {
    name: 'haiku 5.5: disabled at effort low',
    prompt: 'Explain hoisting',
    body: {
      model: 'claude-haiku-5-5',
      max_tokens: 4_000,
      thinking: { type: 'disabled' },
      output_config: { effort: 'low' },
    },
  },
  {
    name: 'fable 5.2: summarized, fast',
    prompt: 'Explain CRDTs',
    body: { model: 'claude-fable-5-2', max_tokens: 4_000, thinking: summarized, speed: 'fast' },
    check: (m) => assert.equal(m.usage.speed, 'fast'),
  },
  {
    name: 'fable 5.2: refusal before any output',
    prompt: 'Write an exploit [sim:refusal category=cyber]',
    body: { model: 'claude-fable-5-2', max_tokens: 4_000 },
    check: (m) => {
      assert.equal(m.stop_reason, 'refusal');
      assert.equal((m as Extra).stop_details?.category, 'cyber');
      assert.deepEqual(types(m), []);
    },
  },
  {
    name: 'sonnet 5.5: refusal after some text',
    prompt: 'Explain lab safety [sim:refusal category=bio text=30]',
    body: { model: 'claude-sonnet-5-5', max_tokens: 4_000, thinking: summarized },
    check: (m) => {
      assert.equal(m.stop_reason, 'refusal');
      assert.equal((m as Extra).stop_details?.category, 'bio');
      assert.ok(types(m).includes('text'));
    },
  },
  {
    name: 'mythos 5.2: model_context_window_exceeded',
    prompt: 'Summarize everything [sim:context-exceeded text=20]',
    body: { model: 'claude-mythos-5-2', max_tokens: 4_000 },
    check: (m) => assert.equal(m.stop_reason, 'model_context_window_exceeded'),
  },
  {
    name: 'opus 5.5: top-level cache_control, second turn reads the cache',
    prompt: 'Explain tries',
    body: {
      model: 'claude-opus-5-5',
      max_tokens: 2_000,
      system: LONG_SYSTEM,
      cache_control: { type: 'ephemeral' },
    },
    followUp: true,
    check: (m) => assert.ok((m.usage.cache_read_input_tokens ?? 0) > 0),
  },
  {
    name: 'sonnet 5.5: diagnostics on a changed system prompt',
    prompt: 'Explain heaps',
    body: {
      model: 'claude-sonnet-5-5',
      max_tokens: 2_000,
      system: LONG_SYSTEM,
      cache_control: { type: 'ephemeral' },
      diagnostics: { previous_message_id: 'msg_unknown' },
    },
    check: (m) =>
      assert.deepEqual((m as Extra).diagnostics, {
        cache_miss_reason: { type: 'previous_message_not_found' },
      }),
  },
];

/** The request body of a scenario's first turn (without `stream`), or undefined when built. */
export function explicitBody(sc: Scenario): MessageCreateParams | undefined {
  if (!sc.body) return undefined;
  return { ...sc.body, messages: [{ role: 'user', content: sc.prompt }] } as unknown as MessageCreateParams;
}
