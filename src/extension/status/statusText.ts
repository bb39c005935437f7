// The words of the status-bar items, their tooltips (markdown) and accessibility labels, and the
// pickers' descriptions — computed from the model's capabilities, the settings and the last
// rate-limit headers. No vscode import: unit-tested in plain Node.

import type { ModelCapabilities } from '../../anthropic/models';
import type { Effort, LimitWindow, RateLimitInfo } from '../../anthropic/types';
import { CommandIds } from '../commandIds';
import { formatUsdPerMTok } from '../../shared/money';

/** What one status-bar item shows. */
export interface ItemView {
  readonly text: string;
  /** Markdown (theme icons allowed, command links limited to our own commands). */
  readonly tooltip: string;
  /** Read by screen readers instead of the icon-laden text. */
  readonly ariaLabel: string;
  /** Draw attention: the settings cannot work with this model as they are. */
  readonly warning: boolean;
}

/** One line per level, after the adaptive-thinking documentation's table, in our own words. */
export const effortDescriptions: Readonly<Record<Effort, string>> = {
  low: 'Thinks briefly, and may skip thinking on simple tasks. Fastest and cheapest.',
  medium: 'Thinks moderately; may skip thinking on very simple prompts.',
  high: 'Almost always thinks deeply.',
  xhigh: 'Thinks longer than high, on models that offer it.',
  max: 'Always thinks, with no limit on how deep. Slowest and most expensive.',
};

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Escapes text that comes from settings or the server before it goes into markdown. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~$]/g, '\\$&');
}

/** "Claude Opus 4.6" → "Opus 4.6": the status bar is narrow. */
export function shortModelName(caps: ModelCapabilities): string {
  return caps.displayName.replace(/^Claude\s+/i, '');
}

const usd = formatUsdPerMTok;

function times(n: number): string {
  return `${Math.round(n * 100) / 100}x`;
}

/** The fast-mode price lines, derived from the price table (never hard-coded multipliers). */
export function fastPriceLines(caps: ModelCapabilities): string[] {
  const m = caps.fastPrices?.multiplier;
  const p = caps.prices;
  if (m === undefined || p.input === undefined || p.output === undefined)
    return ['Fast-mode price: unknown for this model.'];
  return [
    `Price: ${times(m)} the standard rate — ${usd(p.input * m)} in / ${usd(p.output * m)} out per million tokens.`,
  ];
}

function clock(reset: string | undefined): string {
  if (!reset) return '';
  const at = new Date(reset);
  if (Number.isNaN(at.getTime())) return '';
  return `, resets at ${at.toLocaleTimeString('en-GB', { hour12: false })}`;
}

function windowLine(label: string, w: LimitWindow | undefined): string | undefined {
  if (!w || w.remaining === undefined) return undefined;
  const of = w.limit === undefined ? '' : ` of ${fmt(w.limit)}`;
  return `${label}: ${fmt(w.remaining)}${of} tokens left${clock(w.reset)}`;
}

/** The fast-mode rate limit from the last response's `anthropic-fast-*` headers. */
export function fastLimitLines(limits: RateLimitInfo | undefined): string[] {
  const lines = [
    windowLine('Fast-mode output limit', limits?.fastOutputTokens),
    windowLine('Fast-mode input limit', limits?.fastInputTokens),
  ].filter((l): l is string => l !== undefined);
  return lines.length > 0 ? lines : ['Fast-mode rate limit: shown after the first fast-mode response.'];
}

export interface SpeedInput {
  readonly caps: ModelCapabilities;
  readonly fastMode: boolean;
  /** Models that have fast mode, for the explanation when this one does not. */
  readonly fastModels: readonly string[];
  readonly limits?: RateLimitInfo;
  /** Live output tokens/s while a response streams (an estimate), or the measured one just after. */
  readonly tokensPerSecond?: number;
  /** `tokensPerSecond` is the finished response's measured figure: shown without `~`. */
  readonly rateFinal?: boolean;
  /** The API refused fast mode for this model (learned from a 400): when, and its words. */
  readonly fastRefused?: { readonly at: string; readonly message?: string };
  /** Fast requests to this model keep being served at standard speed (`usage.speed`). */
  readonly standardServed?: boolean;
  /** What switching speed now costs in lost prompt cache (`re-writes ≈ N cached tokens ≈ $X`). */
  readonly switchCost?: string;
}

const cacheNote =
  'Switching speed starts a new prompt cache: fast and standard requests do not share cached prefixes.';

export function speedView(s: SpeedInput): ItemView {
  const name = escapeMarkdown(s.caps.displayName);
  // While streaming, an estimate from the characters streamed (`~`); just after, the measured figure.
  const approx = s.rateFinal ? '' : '~';
  const rate = s.tokensPerSecond === undefined ? '' : ` · ${approx}${Math.round(s.tokensPerSecond)} tok/s`;
  const rateAria =
    s.tokensPerSecond === undefined
      ? ''
      : s.rateFinal
        ? `, the last response streamed at ${Math.round(s.tokensPerSecond)} tokens per second`
        : `, streaming at about ${Math.round(s.tokensPerSecond)} tokens per second`;
  if (!s.caps.fastMode && s.fastRefused) return fastRefusedView(s, name, rate);
  const servedStandard = s.fastMode && (s.standardServed || s.caps.fast === 'removed_standard');
  if (servedStandard) return standardServedView(s, name, rate);
  if (!s.caps.fastMode) {
    const where =
      s.fastModels.length > 0
        ? ` Fast mode is available on ${s.fastModels.map(escapeMarkdown).join(', ')}.`
        : '';
    const stuck = s.fastMode
      ? ' Fast mode is switched on in your settings but cannot be used here: click to switch it off.'
      : '';
    return {
      text: `Standard (no fast mode)${rate}`,
      tooltip: `**Speed: standard**\n\n${name} has no fast mode.${where}${stuck}\n\n[Select a model](command:${CommandIds.selectModel})`,
      ariaLabel: `Thinkfast speed: standard. ${s.caps.displayName} has no fast mode${rateAria}.`,
      warning: s.fastMode,
    };
  }
  const on = s.fastMode;
  const bullets = [
    on
      ? `Up to 2.5x the output speed of standard, from the same model.`
      : `Fast mode gives up to 2.5x the output speed, from the same model.`,
    ...fastPriceLines(s.caps),
    ...fastLimitLines(s.limits),
    s.switchCost
      ? `Switching now ${s.switchCost}: fast and standard requests do not share the prompt cache.`
      : cacheNote,
  ].map((l) => `- ${l}`);
  const action = on ? 'Switch to standard' : 'Switch to fast';
  return {
    text: on ? `$(zap) Fast${rate}` : `Standard${rate}`,
    tooltip: [
      `**Speed: ${on ? '$(zap) fast' : 'standard'}** on ${name}`,
      '',
      ...bullets,
      '',
      `[${action}](command:${CommandIds.toggleFastMode})`,
    ].join('\n'),
    ariaLabel: `Thinkfast speed: ${on ? 'fast mode on' : 'standard'}${rateAria}. Activate to ${action.toLowerCase()}.`,
    warning: false,
  };
}

function fastRefusedView(s: SpeedInput, name: string, rate: string): ItemView {
  const said = s.fastRefused?.message ? `: “${escapeMarkdown(s.fastRefused.message)}”` : '.';
  const when = s.fastRefused?.at.slice(0, 10) ?? '';
  const off = s.fastMode ? ' Fast mode is still on in your settings: click to switch it off.' : '';
  return {
    text: `Standard (fast refused)${rate}`,
    tooltip: `**Speed: standard** — fast refused\n\nThe API refused fast mode for ${name} on ${when}${said} Thinkfast no longer sends it to this model.${off}\n\n[Select a model](command:${CommandIds.selectModel})`,
    ariaLabel: `Thinkfast speed: standard. The API refused fast mode for ${s.caps.displayName}.`,
    warning: s.fastMode,
  };
}

function standardServedView(s: SpeedInput, name: string, rate: string): ItemView {
  return {
    text: `$(zap) Fast · standard served${rate}`,
    tooltip: [
      `**Speed: fast requested, standard served** on ${name}`,
      '',
      `The API answers ${name}'s fast requests at standard speed and standard price: fast mode gains nothing here.`,
      '',
      `[Switch to standard](command:${CommandIds.toggleFastMode}) · [Select a model](command:${CommandIds.selectModel})`,
    ].join('\n'),
    ariaLabel: `Thinkfast speed: fast requested, but ${s.caps.displayName} is served at standard speed. Activate to switch to standard.`,
    warning: true,
  };
}

export function effortView(caps: ModelCapabilities, effort: Effort): ItemView {
  const name = escapeMarkdown(caps.displayName);
  if (caps.effortLevels.length === 0) {
    return {
      text: '$(lightbulb) No effort levels',
      tooltip: `**Effort**\n\n${name} has no effort setting; the model decides how much to think.\n\n[Select a model](command:${CommandIds.selectModel})`,
      ariaLabel: `Thinkfast effort: ${caps.displayName} has no effort levels. Activate to learn more.`,
      warning: false,
    };
  }
  const supported = caps.effortLevels.includes(effort);
  const levels = caps.effortLevels.map((l) => (l === caps.defaultEffort ? `${l} (default)` : l)).join(', ');
  const status = supported
    ? escapeMarkdown(effortDescriptions[effort])
    : `${name} has no ${effort} effort, so requests would be refused. Pick one of its levels.`;
  return {
    text: supported ? `$(lightbulb) Effort: ${effort}` : `$(warning) Effort: ${effort}`,
    tooltip: [
      `**Effort: ${effort}** on ${name}`,
      '',
      status,
      '',
      `Levels: ${levels}.`,
      '',
      `[Change effort](command:${CommandIds.setEffort})`,
    ].join('\n'),
    ariaLabel: `Thinkfast effort: ${effort}${supported ? '' : `, not supported by ${caps.displayName}`}. Activate to change it.`,
    warning: !supported,
  };
}

/** One line on what a model can do and costs, for the model picker and the model item. */
export function modelDetail(caps: ModelCapabilities): string {
  const thinking = caps.thinkingModes.includes('adaptive')
    ? 'Adaptive thinking'
    : caps.thinkingModes.includes('enabled')
      ? 'Thinking with a budget'
      : 'No extended thinking';
  const effort = caps.effortLevels.length > 0 ? `effort ${caps.effortLevels.join('/')}` : 'no effort levels';
  const fast = caps.fastMode ? '$(zap) fast mode' : 'no fast mode';
  const p = caps.prices;
  const m = caps.fastPrices?.multiplier;
  const price =
    p.input !== undefined && p.output !== undefined
      ? `${usd(p.input)} / ${usd(p.output)} per MTok${m !== undefined ? ` (fast ${usd(p.input * m)} / ${usd(p.output * m)})` : ''}`
      : 'price unknown';
  return [thinking, effort, fast, price].join(' · ');
}

export function modelView(caps: ModelCapabilities): ItemView {
  return {
    text: `$(hubot) ${shortModelName(caps)}`,
    tooltip: [
      `**${escapeMarkdown(caps.displayName)}** (\`${caps.id.replace(/`/g, '')}\`)`,
      '',
      escapeMarkdown(modelDetail(caps).replace('$(zap) ', '')),
      '',
      `[Select a model](command:${CommandIds.selectModel})`,
    ].join('\n'),
    ariaLabel: `Thinkfast model: ${caps.displayName}. Activate to choose another model.`,
    warning: false,
  };
}
