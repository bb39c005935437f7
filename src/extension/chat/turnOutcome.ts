// What a finished turn means beyond its text: a 400 that refused a feature the catalogue thought
// allowed (learned, shown in plain words, resendable without it in one click), and the footer's
// newer facts (thinking billed, speed served against speed asked, the model that answered, a
// refusal's details, the context window). No vscode import: tested in plain Node.

import type { ModelCapabilities } from '../../anthropic/models';
import { findBuiltInModel } from '../../anthropic/models';
import { cacheReport, estimateSwitchCost } from '../../anthropic/cacheCost';
import { contextWindowExceeded, refusalOf } from '../../anthropic/outcomes';
import { FAST_MODE_BETA, type ThinkingSetting } from '../../anthropic/requestBuilder';
import { classifyRefusal, describeRefusal, type RefusedFeature } from '../../anthropic/refusalClassifier';
import type { BuiltRequest, CacheTtl, Effort, StreamResult } from '../../anthropic/types';
import type { ErrorView, FooterView } from '../../shared/protocol';
import { nearestEffort } from '../status/modelSwitch';

/** Settings a single turn sends differently from the user's (a resend without a refused feature). */
export interface TurnOverrides {
  fast?: boolean;
  effort?: Effort;
  thinking?: ThinkingSetting;
}

/** "Claude Opus 5.5" → "Opus 5.5". */
export function shortName(displayName: string): string {
  return displayName.replace(/^Claude\s+/i, '');
}

/** Whether `built` actually sent what the server says it refused (else there is nothing to learn). */
function wasSent(f: RefusedFeature, built: BuiltRequest): boolean {
  const b = built.body;
  switch (f.kind) {
    case 'speed':
      return b.speed !== undefined;
    case 'thinking':
      return b.thinking?.type === f.type;
    case 'display':
      return b.thinking !== undefined && 'display' in b.thinking;
    case 'effort':
      return (
        b.output_config?.effort !== undefined && (f.level === undefined || b.output_config.effort === f.level)
      );
    case 'beta':
      return built.betas.includes(f.header);
    case 'prefill':
      return b.messages.at(-1)?.role === 'assistant';
    case 'sampling':
    case 'tool_choice':
      return false;
  }
}

/** The feature a failed turn's 400 refused, when the request really sent it. */
export function refusedFeatureOf(
  result: StreamResult,
  sent: BuiltRequest,
): { feature: RefusedFeature; message: string } | undefined {
  const e = result.error;
  if (result.outcome !== 'failed' || e?.status !== 400) return undefined;
  const feature = classifyRefusal({ status: e.status, message: e.message });
  return feature && wasSent(feature, sent) ? { feature, message: e.message } : undefined;
}

/** True when a 400 names a request feature (not a thinking signature from history). */
export function isFeatureRefusal(status: number | undefined, message: string): boolean {
  return classifyRefusal({ status, message }) !== undefined;
}

/** For a refused effort level: the levels the model takes instead (each a one-click retry). */
export function effortFixes(f: RefusedFeature, caps: Pick<ModelCapabilities, 'effortLevels'>): Effort[] {
  return f.kind === 'effort' && f.level !== undefined ? caps.effortLevels.filter((l) => l !== f.level) : [];
}

/**
 * The inline error of a refused feature: what, in plain words, and the one-click fix: for an
 * effort level, "Retry at …" per level the model takes; otherwise "Resend without it".
 */
export function refusedErrorView(
  f: RefusedFeature,
  caps: ModelCapabilities,
  serverMessage: string,
  requestId?: string,
): ErrorView {
  const what = describeRefusal(f);
  const id = requestId ? ` (request ${requestId})` : '';
  const levels = effortFixes(f, caps);
  if (levels.length > 0) {
    return {
      title: `${shortName(caps.displayName)} refused ${what}`,
      message:
        `The API refused ${what} for ${caps.displayName}: “${serverMessage}”${id}. ` +
        `It takes ${levels.join(', ')}. “Retry at …” sends this turn again at that level and makes it your effort setting.`,
      actions: ['showLog'],
      retryEfforts: levels,
    };
  }
  return {
    title: `${shortName(caps.displayName)} refused ${what}`,
    message:
      `The API refused ${what} for ${caps.displayName}: “${serverMessage}”${id}. ` +
      'Thinkfast will not send it to this model again. “Resend without it” sends this turn once more without it.',
    actions: ['resendWithout', 'showLog'],
  };
}

/** How to send a turn again without `f`, given the catalogue that has learned it. */
export function overridesWithout(
  f: RefusedFeature,
  caps: ModelCapabilities,
  current: { effort: Effort },
): TurnOverrides {
  switch (f.kind) {
    case 'speed':
      return { fast: false };
    case 'beta':
      return f.header === FAST_MODE_BETA ? { fast: false } : {};
    case 'effort': {
      const effort = nearestEffort(caps, current.effort);
      return effort === undefined ? {} : { effort };
    }
    case 'thinking':
      // "Off" sent as a type the model refuses: think adaptively instead (the notice said so).
      return f.type === 'disabled' || f.type === 'between_tools' ? { thinking: 'adaptive' } : {};
    default:
      return {};
  }
}

/** The error for a model that is not sent at all (retired): the message from the builder, and a switch. */
export function retiredErrorView(caps: ModelCapabilities, message: string): ErrorView | undefined {
  if (caps.lifecycle.status !== 'retired') return undefined;
  return { title: `${caps.displayName} is retired`, message, actions: ['selectModel', 'openSettings'] };
}

/**
 * The 429 fallback's status line: fast and standard do not share cached prefixes, so say what
 * the previous answer left in the cache and roughly what re-writing it at standard speed costs.
 */
export function fallbackText(
  reason: string,
  previous: FooterView | undefined,
  caps: ModelCapabilities,
  ttl: CacheTtl = '5m',
): string {
  const read = previous?.cacheReadTokens ?? 0;
  const written = previous?.cacheWriteTokens ?? 0;
  if (read + written === 0) return reason;
  const usage = {
    input_tokens: 0,
    output_tokens: 0,
    cache_read_input_tokens: read,
    cache_creation_input_tokens: written,
  };
  const cost = estimateSwitchCost(usage, { caps, speed: 'fast' }, { caps, speed: 'standard' }, ttl);
  const what =
    cost === 'unknown'
      ? `${(read + written).toLocaleString('en-US')} cached tokens are re-sent (price unknown)`
      : cost.text;
  return `${reason} Cache lost: ${what}.`;
}

/** The footer's facts beyond the numbers (issue 11's outcomes). */
export function footerExtras(result: StreamResult, caps: ModelCapabilities): Partial<FooterView> {
  const m = result.metrics;
  const message = result.message;
  const served = m.speed === 'fast' ? 'fast' : 'standard';
  const thinking = message.content.filter((b) => b.type === 'thinking');
  const hidden = thinking.length > 0 && thinking.every((b) => (b as { thinking?: string }).thinking === '');
  const refusal = refusalOf(message);
  const out: {
    -readonly [K in keyof FooterView]?: FooterView[K];
  } = { modelLabel: shortName(caps.displayName) };
  if (m.requestedSpeed !== served) out.requestedSpeed = m.requestedSpeed;
  if (m.thinkingTokens !== undefined) out.thinkingTokens = m.thinkingTokens;
  if (hidden && (m.thinkingTokens ?? 0) > 0) out.thinkingHidden = true;
  if (m.servedModel !== undefined)
    out.answeredBy = shortName(findBuiltInModel(m.servedModel)?.displayName ?? m.servedModel);
  if (refusal) {
    out.refusal = {
      ...(refusal.category ? { category: refusal.category } : {}),
      ...(refusal.explanation ? { explanation: refusal.explanation } : {}),
    };
  }
  if (contextWindowExceeded(message) && caps.contextWindow !== undefined)
    out.contextWindow = caps.contextWindow;
  if (m.usageEstimated) out.estimated = true;
  if (message.id) out.messageId = message.id;
  const cache = cacheReport(message);
  if (cache.read > 0 || cache.written > 0 || cache.miss) out.cacheNote = cache.text;
  return out;
}
