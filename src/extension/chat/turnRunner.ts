// Runs one chat turn: builds the request from the settings and the model's capabilities, streams
// it through the client, forwards coalesced deltas to the webview, and records the verbatim
// result on the turn. Free of the vscode API (lint-enforced): tested in plain Node against the simulator.

import { AnthropicError } from '../../anthropic/errors';
import type { ModelCapabilities } from '../../anthropic/models';
import { buildRequest, type RequestSettings } from '../../anthropic/requestBuilder';
import type { MessageStreamer } from '../../anthropic/client';
import type { RefusedFeature } from '../../anthropic/refusalClassifier';
import type {
  BuiltRequest,
  Effort,
  RateLimitInfo,
  ResponseMetrics,
  StreamResult,
} from '../../anthropic/types';
import type { BlockDelta, HostMessage } from '../../shared/protocol';
import type { ConfigSnapshot } from '../settings/config';
import { effectiveMaxTokens } from '../settings/settingProblems';
import { historyMessages, type Conversation, type Turn } from './conversation';
import type { DeltaBatcher } from './deltaBatcher';
import { errorView, footerView, turnView } from './views';
import { attempt, finish } from './turnAttempt';
import { withoutEmptyTextBlocks } from './conversationRepair';
import { producedOutput } from '../../anthropic/streamResult';
import {
  footerExtras,
  isFeatureRefusal,
  overridesWithout,
  refusedErrorView,
  refusedFeatureOf,
  retiredErrorView,
  fallbackText,
  type TurnOverrides,
} from './turnOutcome';

/** The settings a turn reads (a subset of the config snapshot). */
export type TurnSettings = Partial<Pick<ConfigSnapshot, 'cacheTtl'>> &
  Pick<
    ConfigSnapshot,
    | 'model'
    | 'effort'
    | 'fastMode'
    | 'fastModeOn429'
    | 'maxTokens'
    | 'thinkingMode'
    | 'thinkingBudgetTokens'
    | 'thinkingDisplay'
    | 'systemPrompt'
  >;

export interface TurnDeps {
  readonly client: MessageStreamer;
  readonly caps: ModelCapabilities;
  readonly settings: TurnSettings;
  readonly simulator: boolean;
  post(message: HostMessage): void;
  /** The rate-limit headers of each response (the status bar shows fast-mode limits). */
  onRateLimits?(limits: RateLimitInfo): void;
  /** Sees every block delta too (the status bar's live rate meter). */
  onDelta?(delta: BlockDelta): void;
  log?(line: string): void;
  now?(): number;
  /** Each attempt's batcher, so a webview that reloads mid-stream can be sent what it missed. */
  onBatcher?(batcher: DeltaBatcher): void;
  /** Send this turn without a feature the API refused (the user clicked "Resend without it"). */
  readonly without?: RefusedFeature;
  /** Send this turn at this effort (the user clicked "Retry at …" after a refused level). */
  readonly effort?: Effort;
  /** A 400 refused a feature the request sent: the catalogue should learn it. */
  onRefused?(feature: RefusedFeature, message: string): void;
  /** The metrics of a turn that produced something (speed served, cost: the status bar's). */
  onMetrics?(metrics: ResponseMetrics): void;
}

/** Maps the user's settings onto the request builder's, given what the model supports. */
export function requestSettings(
  s: TurnSettings,
  caps: ModelCapabilities,
  overrides: TurnOverrides & { previousMessageId?: string | null } = {},
): RequestSettings {
  const thinking = overrides.thinking ?? s.thinkingMode;
  // Above the model's limit the setting is lowered to it (the settings warning says so).
  const maxTokens = effectiveMaxTokens(s.maxTokens, caps);
  return {
    model: s.model,
    maxTokens,
    thinking,
    ...(thinking === 'manual' || (thinking === 'adaptive' && !caps.thinkingModes.includes('adaptive'))
      ? { budgetTokens: Math.min(s.thinkingBudgetTokens, maxTokens - 1) }
      : {}),
    ...(caps.effortLevels.length > 0 ? { effort: overrides.effort ?? s.effort } : {}),
    fast: overrides.fast ?? s.fastMode,
    display: s.thinkingDisplay,
    ...(s.cacheTtl ? { cacheTtl: s.cacheTtl } : {}),
    ...(overrides.previousMessageId !== undefined ? { previousMessageId: overrides.previousMessageId } : {}),
  };
}

function isSignatureRejection(result: StreamResult): boolean {
  const e = result.error;
  return (
    result.outcome === 'failed' &&
    e?.status === 400 &&
    /signature|thinking/i.test(e.message) &&
    !isFeatureRefusal(e.status, e.message)
  );
}

function hasThinking(turns: readonly Turn[]): boolean {
  return turns.some((t) => t.content.some((b) => b.type === 'thinking' || b.type === 'redacted_thinking'));
}

/**
 * Streams `turn` (the last of `conversation.turns`) and fills in its content, outcome, footer and
 * error. Resolves when the turn has ended; never rejects for API or network problems.
 */
export async function runTurn(
  conversation: Conversation,
  turn: Turn,
  deps: TurnDeps,
  signal: AbortSignal,
): Promise<void> {
  const now = (): number => (deps.now ? deps.now() : Date.now());
  const turns = conversation.turns.slice(0, conversation.turns.indexOf(turn) + 1);
  const s = deps.settings;
  const system = s.systemPrompt.trim() === '' ? undefined : s.systemPrompt;
  const effortShown = deps.caps.effortLevels.length > 0 ? (deps.effort ?? s.effort) : undefined;

  const overrides = {
    ...(deps.without ? overridesWithout(deps.without, deps.caps, s) : {}),
    ...(deps.effort ? { effort: deps.effort } : {}),
    // Ask why the prompt missed the cache, against the previous answer (null on a first turn).
    previousMessageId: turns.at(-2)?.footer?.messageId ?? null,
  };
  const build = (dropThinking: boolean): BuiltRequest =>
    buildRequest(
      requestSettings(s, deps.caps, overrides),
      deps.caps,
      historyMessages(turns, dropThinking),
      system,
    );

  let built: BuiltRequest;
  try {
    built = build(conversation.thinkingDropped === true);
  } catch (e) {
    const error =
      e instanceof AnthropicError
        ? e
        : new AnthropicError({ kind: 'unknown', message: String(e), retryable: false });
    finish(turn, 'failed', deps, {
      error: retiredErrorView(deps.caps, error.message) ?? errorView(error, now()),
    });
    return;
  }

  const onFallback = (reason: string): string =>
    fallbackText(reason, turns.at(-2)?.footer, deps.caps, s.cacheTtl);
  let result = await attempt(built, turn, deps, signal, onFallback);
  if (isSignatureRejection(result) && !conversation.thinkingDropped && hasThinking(turns.slice(0, -1))) {
    // The API refused a thinking block we sent back. Drop thinking from history once and say so.
    deps.log?.(
      `signature rejected (${result.error?.requestId ?? 'no id'}); retrying without thinking blocks`,
    );
    conversation.thinkingDropped = true;
    turn.notice =
      'The API rejected a thinking signature from an earlier turn, so earlier thinking was left out of this conversation from here on.';
    deps.post({ type: 'turnStart', turn: turnView(turn) });
    built = build(true);
    result = await attempt(built, turn, deps, signal, onFallback);
  }

  turn.content = withoutEmptyTextBlocks(result.message.content);
  turn.stopReason = result.message.stop_reason ?? undefined;
  const produced = producedOutput(result);
  const footer = produced
    ? footerView(
        result.metrics,
        effortShown,
        deps.simulator,
        result.message.stop_reason,
        footerExtras(result, deps.caps),
      )
    : undefined;
  if (produced) deps.onMetrics?.(result.metrics);
  const refused = refusedFeatureOf(result, built);
  if (refused) deps.onRefused?.(refused.feature, refused.message);
  const error =
    result.outcome === 'complete' || result.outcome === 'stopped' || !result.error
      ? undefined
      : refused
        ? refusedErrorView(refused.feature, deps.caps, refused.message, result.error.requestId)
        : errorView(result.error, now());
  finish(turn, result.outcome, deps, { footer, error });
}
