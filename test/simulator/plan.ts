// Turns a validated request into the exact sequence of stream events (and the equivalent
// non-streaming Message). Each event carries the output tokens it represents, so the writer can
// pace the stream at a token rate and usage always matches what was sent.

import type { ContentBlock, Message, MessageParam, StreamEvent, Usage } from '../../src/anthropic/types';
import {
  isRefactorPrompt,
  longAnswer,
  markdownAnswer,
  proseAnswer,
  refactorAnswer,
  thinkingSummary,
} from './answers';
import { findDirectives, stripDirectives } from './directives';
import type { Diagnostics } from './cacheDiagnostics';
import { type Ending, endingOf } from './endings';
import type { InputUsage } from './promptCache';
import type { Signer } from './signatures';
import { countTokens, splitTokens } from './tokens';
import type { ValidRequest } from './validate';

/** The API's test string for redacted thinking (API-NOTES, adaptive thinking). */
export const REDACTED_THINKING_TRIGGER =
  'ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB';

/**
 * Billed thinking tokens per visible summary token: the summary is shorter than the reasoning it
 * stands for, and billing counts the reasoning (API-NOTES, usage).
 */
export const THINKING_BILL_FACTOR = 2;
/** Tokens a redacted_thinking block stands for. */
const REDACTED_TOKENS = 64;
/** At effort `low`, adaptive thinking is skipped for prompts shorter than this (in characters). */
export const LOW_EFFORT_SKIP_CHARS = 100;
/** Default size of a `[sim:long]` answer. */
const LONG_DEFAULT_TOKENS = 6_000;

export interface PlannedEvent {
  event: StreamEvent;
  /** Output tokens this event represents (deltas only). */
  cost: number;
}

export interface MessagePlan {
  events: PlannedEvent[];
  /** The same answer as one JSON Message (non-streaming requests). */
  message: Message;
}

export interface PlanInput {
  request: ValidRequest;
  /** The model id as the request named it (aliases are echoed back). */
  modelId: string;
  messageId: string;
  input: InputUsage;
  /** The response's `diagnostics` (null unless the request asked and something diverged). */
  diagnostics?: Diagnostics | null;
  signer: Signer;
}

function textOf(m: MessageParam | undefined): string {
  if (!m) return '';
  if (typeof m.content === 'string') return m.content;
  return m.content.map((b) => (b.type === 'text' && typeof b.text === 'string' ? b.text : '')).join('\n');
}

/** The last user prompt: what the answer is derived from and where directives live. */
export function lastUserPrompt(messages: readonly MessageParam[]): string {
  return textOf([...messages].reverse().find((m) => m.role === 'user'));
}

class Budget {
  used = 0;
  hitMax = false;
  thinking = 0;
  constructor(private readonly max: number) {}
  /** Takes `cost` tokens if they fit under max_tokens (and the optional sub-cap); false = stop. */
  take(cost: number, subUsed = 0, subCap = Infinity): boolean {
    if (this.used + cost > this.max) {
      this.hitMax = true;
      return false;
    }
    if (subUsed + cost > subCap) return false;
    this.used += cost;
    return true;
  }
  /** Takes up to `want` tokens within `cap`; running out of max_tokens ends the message. */
  takeUpTo(want: number, cap: number): number {
    const room = this.max - this.used;
    const cost = Math.min(want, cap, room);
    this.used += cost;
    if (want > room && room <= cap) this.hitMax = true;
    return cost;
  }
}

const totalInput = (u: InputUsage): number =>
  u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);

export function planMessage(p: PlanInput): MessagePlan {
  const { request } = p;
  const raw = lastUserPrompt(request.messages);
  const directives = findDirectives(raw);
  const redacted = raw.includes(REDACTED_THINKING_TRIGGER);
  const prompt = stripDirectives(raw.split(REDACTED_THINKING_TRIGGER).join(' '));
  const long = directives.find((d) => d.name === 'long');
  const turn = request.messages.filter((m) => m.role === 'user').length;

  // `[sim:prose]`: prose only, even to a refactor prompt (an answer with no code block).
  const prose = directives.some((d) => d.name === 'prose');
  const answer = prose
    ? proseAnswer(prompt)
    : isRefactorPrompt(
          prompt,
          directives.some((d) => d.name === 'refactor'),
        )
      ? refactorAnswer(prompt)
      : long
        ? longAnswer(prompt, Number(long.params.tokens) || LONG_DEFAULT_TOKENS)
        : markdownAnswer(prompt, turn);

  const ending: Ending = endingOf(directives);
  const t = request.thinking;
  const thinks =
    ending.textTokens !== 0 &&
    (t.type === 'enabled' ||
      (t.type === 'adaptive' && !(request.effort === 'low' && prompt.length < LOW_EFFORT_SKIP_CHARS)));
  const thinkingCap = t.type === 'enabled' ? t.budgetTokens : Infinity;

  const events: PlannedEvent[] = [];
  const content: ContentBlock[] = [];
  // Output also ends where the context window does (the stop reason says which limit it was).
  const contextRoom = Math.max(1, request.model.maxInputTokens - totalInput(p.input));
  const budget = new Budget(Math.min(request.maxTokens, contextRoom));
  const emit = (event: StreamEvent, cost = 0): void => {
    events.push({ event, cost });
  };
  const usageBase = (output: number): Usage => {
    return {
      ...p.input,
      output_tokens: output,
      output_tokens_details: { thinking_tokens: Math.min(budget.thinking, output) },
      service_tier: 'standard',
      speed: request.servedSpeed,
    };
  };

  emit({
    type: 'message_start',
    message: {
      id: p.messageId,
      type: 'message',
      role: 'assistant',
      model: p.modelId,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      diagnostics: p.diagnostics ?? null,
      usage: { ...usageBase(1), output_tokens_details: { thinking_tokens: 0 } },
    } as Message,
  });

  if (thinks) {
    const index = content.length;
    if (redacted) {
      const data = p.signer.redactedData();
      const cost = budget.takeUpTo(REDACTED_TOKENS, thinkingCap);
      budget.thinking += cost;
      emit({ type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data } }, cost);
      emit({ type: 'content_block_stop', index });
      content.push({ type: 'redacted_thinking', data });
    } else {
      emit({
        type: 'content_block_start',
        index,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      });
      const summary = thinkingSummary(prompt, request.effort);
      let shown = '';
      if (t.display === 'omitted') {
        // Nothing visible, but the reasoning still takes time and is billed.
        const cost = budget.takeUpTo(countTokens(summary) * THINKING_BILL_FACTOR, thinkingCap);
        budget.thinking += cost;
        emit({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: '' } }, cost);
      } else {
        let thinkingUsed = 0;
        for (const piece of splitTokens(summary)) {
          if (!budget.take(THINKING_BILL_FACTOR, thinkingUsed, thinkingCap)) break;
          thinkingUsed += THINKING_BILL_FACTOR;
          budget.thinking += THINKING_BILL_FACTOR;
          shown += piece;
          emit(
            { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } },
            THINKING_BILL_FACTOR,
          );
        }
      }
      const signature = p.signer.signThinking(shown);
      emit({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature } });
      emit({ type: 'content_block_stop', index });
      content.push({ type: 'thinking', thinking: shown, signature });
    }
  }

  if (!budget.hitMax) {
    const index = content.length;
    const pieces = splitTokens(answer);
    let text = '';
    for (const [n, piece] of pieces.entries()) {
      if (n >= ending.textTokens) break;
      if (!budget.take(1)) break;
      if (text === '')
        emit({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      text += piece;
      emit({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }, 1);
    }
    if (text !== '') {
      emit({ type: 'content_block_stop', index });
      content.push({ type: 'text', text });
    }
  }

  const byContext = budget.hitMax && contextRoom < request.maxTokens;
  const stopReason = budget.hitMax
    ? byContext
      ? 'model_context_window_exceeded'
      : 'max_tokens'
    : (ending.stopReason ?? 'end_turn');
  const outputTokens = budget.hitMax && !byContext ? request.maxTokens : budget.used;
  const usage = usageBase(outputTokens);
  const stopDetails = budget.hitMax ? null : ending.stopDetails;
  emit({
    type: 'message_delta',
    delta: { stop_reason: stopReason, stop_sequence: null, stop_details: stopDetails },
    usage,
  } as StreamEvent);
  emit({ type: 'message_stop' });

  return {
    events,
    message: {
      id: p.messageId,
      type: 'message',
      role: 'assistant',
      model: p.modelId,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      stop_details: stopDetails,
      diagnostics: p.diagnostics ?? null,
      usage,
    } as Message,
  };
}
