// What the webview shows for a turn: the footer numbers and inline errors, derived from the
// client's metrics and typed errors. No vscode import: unit-tested in plain Node.

import type { AnthropicError } from '../../anthropic/errors';
import { PRICE_UNKNOWN_TEXT } from '../../anthropic/pricing';
import { displayCost } from '../../anthropic/costDisplay';
import { formatUsdPerMTok } from '../../shared/money';
import type { ContentBlock, ResponseMetrics, TextBlock, ThinkingBlock } from '../../anthropic/types';
import type { BlockView, ChipView, ErrorView, FooterView, TurnAction, TurnView } from '../../shared/protocol';
import type { Turn } from './conversation';
import { versionOf } from './versions';

const fmt = (n: number): string => n.toLocaleString('en-US');

export function footerView(
  metrics: ResponseMetrics,
  effort: string | undefined,
  simulator: boolean,
  stopReason?: string | null,
  extras: Partial<FooterView> = {},
): FooterView {
  const u = metrics.usage;
  const cost = metrics.cost;
  // One precision for every line, and the lines add up exactly to the total shown.
  const shown = cost ? displayCost(cost) : undefined;
  const costBreakdown = shown
    ? [
        ...shown.lines.map(
          (l) => `${l.label}: ${fmt(l.tokens)} tok × ${formatUsdPerMTok(l.usdPerMTok)}/MTok = ${l.text}`,
        ),
        `Total: ${shown.total}`,
        ...(shown.saved ? [shown.saved] : []),
        ...(cost && cost.speedMultiplier > 1
          ? [`Fast mode: ${cost.speedMultiplier}x the standard price`]
          : []),
        ...(cost?.estimated ? ['~ Output estimated from what arrived (the final usage never came).'] : []),
        `Prices as of ${cost?.priceTableDate ?? ''}`,
      ]
    : [`Tokens shown; ${PRICE_UNKNOWN_TEXT}.`];
  return {
    model: metrics.model,
    ...(effort === undefined ? {} : { effort }),
    speed: metrics.speed === 'fast' ? 'fast' : 'standard',
    fellBack: metrics.fellBack,
    ...(metrics.ttftMs === undefined ? {} : { ttftMs: Math.round(metrics.ttftMs) }),
    ...(metrics.outputTokensPerSecond === undefined
      ? {}
      : { outputTokensPerSecond: Math.round(metrics.outputTokensPerSecond * 10) / 10 }),
    totalMs: Math.round(metrics.totalMs),
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cacheReadTokens: u.cache_read_input_tokens ?? 0,
    cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
    ...(cost ? { costUsd: cost.totalUsd } : {}),
    ...(shown ? { costText: shown.total, ...(shown.saved ? { cacheSaved: shown.saved } : {}) } : {}),
    costBreakdown,
    ...(stopReason ? { stopReason } : {}),
    ...(metrics.requestId ? { requestId: metrics.requestId } : {}),
    simulator,
    ...extras,
  };
}

/** The inline error for a failed or interrupted turn, with the actions that fix it. */
export function errorView(error: AnthropicError, now = Date.now()): ErrorView {
  const retry: TurnAction[] = ['retry'];
  const withId = (m: string): string => (error.requestId ? `${m} (request ${error.requestId})` : m);
  switch (error.kind) {
    case 'authentication':
      return {
        title: error.status === 401 ? 'API key rejected' : 'No API key',
        message: error.message,
        actions: ['setApiKey'],
      };
    case 'rate_limit':
      return {
        title: 'Rate limited',
        message: withId(error.message),
        actions: retry,
        ...(error.retryAfterMs === undefined ? {} : { retryAt: now + error.retryAfterMs }),
      };
    case 'overloaded':
      return { title: 'The API is overloaded', message: withId(error.message), actions: retry };
    case 'server':
      return { title: 'Server error', message: withId(error.message), actions: retry };
    case 'timeout':
    case 'connection':
      return { title: 'Network problem', message: error.message, actions: ['retry', 'showLog'] };
    case 'idle_timeout':
    case 'stream_error':
    case 'truncated':
      return { title: 'The response was interrupted', message: withId(error.message), actions: retry };
    case 'invalid_request':
      return { title: 'Request refused', message: withId(error.message), actions: ['openSettings', 'retry'] };
    case 'billing':
    case 'permission':
    case 'not_found':
      return {
        title: 'Request refused',
        message: withId(error.message),
        actions: ['openSettings', 'showLog'],
      };
    case 'aborted':
      return {
        title: 'Stopped',
        message: 'You stopped this response; what arrived is kept.',
        actions: ['retry'],
      };
    case 'unknown':
      return { title: 'Something went wrong', message: withId(error.message), actions: ['retry', 'showLog'] };
  }
}

/** A stored turn as the webview shows it: no signatures, no redacted data, no attachment text. */
/**
 * How the chat shows one content block (undefined for blocks it does not show): the one mapping
 * for stored turns and for the live snapshot of a streaming one.
 */
export function blockView(
  block: ContentBlock | undefined,
  index: number,
  state: { durationMs?: number; open?: boolean } = {},
): BlockView | undefined {
  const at = { index, ...(state.open === undefined ? {} : { open: state.open }) };
  switch (block?.type) {
    case 'thinking': {
      const text = (block as ThinkingBlock).thinking;
      return {
        kind: 'thinking',
        text,
        ...at,
        ...(state.durationMs === undefined ? {} : { durationMs: state.durationMs }),
        ...(text === '' && !state.open ? { omitted: true } : {}),
      };
    }
    case 'redacted_thinking':
      return { kind: 'redacted', ...at };
    case 'text':
      return { kind: 'text', text: (block as TextBlock).text, ...at };
    default:
      return undefined;
  }
}

export function turnView(turn: Turn): TurnView {
  const version = versionOf(turn);
  const blocks = turn.content
    .map((b, i) => blockView(b, i, { durationMs: turn.thinkingMs?.[i] }))
    .filter((b) => b !== undefined);
  return {
    id: turn.id,
    prompt: turn.prompt,
    chips: turn.attachments.map(chipView),
    blocks,
    outcome: turn.outcome,
    ...(turn.footer ? { footer: turn.footer } : {}),
    ...(turn.error ? { error: turn.error } : {}),
    ...(turn.notice ? { notice: turn.notice } : {}),
    ...(version ? { version } : {}),
  };
}

export function chipView(a: ChipView): ChipView {
  return {
    id: a.id,
    label: a.label,
    kind: a.kind,
    languageId: a.languageId,
    lines: a.lines,
    ...(a.tokens === undefined ? {} : { tokens: a.tokens }),
  };
}

/** One log line for an ended turn: outcome, speed, timings, tokens and request id. */
export function turnLogLine(turn: Turn): string {
  const f = turn.footer;
  const numbers = f
    ? ` ${f.speed}${f.fellBack ? ' (fell back)' : ''}, ttft ${f.ttftMs ?? '?'} ms, ${f.outputTokensPerSecond ?? '?'} tok/s, ` +
      `in ${f.inputTokens} out ${f.outputTokens}, ${f.requestId ?? ''}`
    : '';
  return `turn ${turn.id}: ${turn.outcome}${numbers}${turn.error ? ` — ${turn.error.title}` : ''}`;
}
