// The simulator's model catalogue: what each model accepts, kept as data so a rule changes in one
// row rather than in scattered `if`s. Values follow Anthropic's API documentation; where it is
// silent (effort on Sonnet 4.5, the `display` field on 4.5 models) this is our best reading of the
// public docs at the time of writing.

import type { Effort } from '../../src/anthropic/types';

export type ThinkingType = 'adaptive' | 'enabled';

export interface SimModel {
  id: string;
  /** Other ids the API resolves to this model (dated snapshots). */
  aliases: string[];
  displayName: string;
  /** RFC 3339 release date, as `GET /v1/models` reports it. */
  createdAt: string;
  maxInputTokens: number;
  maxOutputTokens: number;
  thinkingTypes: ThinkingType[];
  /** Whether `thinking.display` ("summarized" | "omitted") is accepted. */
  acceptsDisplay: boolean;
  /** Allowed `output_config.effort` values; empty = the field is refused. */
  effortLevels: Effort[];
  /** Whether `speed: "fast"` (with the fast-mode beta) is served. */
  fastMode: boolean;
}

const ALL_BUT_MAX: Effort[] = ['low', 'medium', 'high'];

export const MODELS: readonly SimModel[] = [
  {
    id: 'claude-opus-4-6',
    aliases: [],
    displayName: 'Claude Opus 4.6',
    createdAt: '2026-02-05T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 128_000,
    // `enabled` is deprecated on Opus 4.6 but still accepted.
    thinkingTypes: ['adaptive', 'enabled'],
    acceptsDisplay: true,
    effortLevels: ['low', 'medium', 'high', 'max'],
    fastMode: true,
  },
  {
    id: 'claude-sonnet-4-6',
    aliases: [],
    displayName: 'Claude Sonnet 4.6',
    createdAt: '2026-02-17T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
    thinkingTypes: ['adaptive', 'enabled'],
    acceptsDisplay: true,
    effortLevels: ALL_BUT_MAX,
    fastMode: false,
  },
  {
    id: 'claude-opus-4-5',
    aliases: ['claude-opus-4-5-20251101'],
    displayName: 'Claude Opus 4.5',
    createdAt: '2025-11-24T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
    thinkingTypes: ['enabled'],
    acceptsDisplay: false,
    effortLevels: ALL_BUT_MAX,
    fastMode: false,
  },
  {
    id: 'claude-sonnet-4-5',
    aliases: ['claude-sonnet-4-5-20250929'],
    displayName: 'Claude Sonnet 4.5',
    createdAt: '2025-09-29T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
    thinkingTypes: ['enabled'],
    acceptsDisplay: false,
    effortLevels: [],
    fastMode: false,
  },
  {
    id: 'claude-haiku-4-5',
    aliases: ['claude-haiku-4-5-20251001'],
    displayName: 'Claude Haiku 4.5',
    createdAt: '2025-10-15T00:00:00Z',
    maxInputTokens: 200_000,
    maxOutputTokens: 64_000,
    thinkingTypes: ['enabled'],
    acceptsDisplay: false,
    effortLevels: [],
    fastMode: false,
  },
];

/** Resolves an id or alias; undefined for a model the simulator does not serve (→ 404). */
export function findModel(id: string): SimModel | undefined {
  return MODELS.find((m) => m.id === id || m.aliases.includes(id));
}

const supported = (yes: boolean): { supported: boolean } => ({ supported: yes });

/** The `GET /v1/models` entry, capabilities included, newest servers' shape. */
export function modelInfo(m: SimModel): Record<string, unknown> {
  const effort = (e: Effort): { supported: boolean } => supported(m.effortLevels.includes(e));
  return {
    type: 'model',
    id: m.id,
    display_name: m.displayName,
    created_at: m.createdAt,
    max_input_tokens: m.maxInputTokens,
    max_tokens: m.maxOutputTokens,
    capabilities: {
      effort: {
        supported: m.effortLevels.length > 0,
        low: effort('low'),
        medium: effort('medium'),
        high: effort('high'),
        max: effort('max'),
        xhigh: effort('xhigh'),
      },
      thinking: {
        supported: m.thinkingTypes.length > 0,
        types: {
          adaptive: supported(m.thinkingTypes.includes('adaptive')),
          enabled: supported(m.thinkingTypes.includes('enabled')),
          disabled: supported(true),
        },
      },
      image_input: supported(true),
      pdf_input: supported(true),
      citations: supported(true),
      batch: supported(true),
    },
  };
}
