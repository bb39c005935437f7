// Reads an HTTP 400 from the Messages API and names the request feature it refused, so the
// catalogue can learn it (learnedFacts.ts). Pure. Matches the server's wording loosely: the texts
// below are the ones seen in the wild; anything else is "not a feature refusal".

import type { ThinkingType } from './modelTypes';
import type { Effort } from './types';

/** A request feature the API refused for a model. */
export type RefusedFeature =
  | { kind: 'speed' }
  | { kind: 'thinking'; type: ThinkingType }
  | { kind: 'display'; value?: string }
  | { kind: 'effort'; level?: Effort }
  | { kind: 'beta'; header: string }
  | { kind: 'sampling'; param: string }
  | { kind: 'prefill' }
  | { kind: 'tool_choice' };

/** The parts of a 400 the classifier reads (the envelope's `error.message` and `error.details`). */
export interface RefusalInput {
  status?: number;
  message: string;
  details?: unknown;
}

const EFFORTS: readonly Effort[] = ['low', 'medium', 'high', 'xhigh', 'max'];
const THINKING: readonly ThinkingType[] = ['adaptive', 'enabled', 'disabled', 'between_tools'];

function detailsText(details: unknown): string {
  if (details === undefined || details === null) return '';
  try {
    return JSON.stringify(details);
  } catch {
    return '';
  }
}

/**
 * What a 400 refused, or undefined when it is not about a feature this client chooses per model
 * (e.g. a thinking signature bound to another conversation, or a malformed body).
 */
export function classifyRefusal(input: RefusalInput): RefusedFeature | undefined {
  if (input.status !== undefined && input.status !== 400) return undefined;
  const text = `${input.message} ${detailsText(input.details)}`;
  const lower = text.toLowerCase();
  // A signature problem names `thinking` too, but refuses a block, not a feature.
  if (/signature|bound to a different conversation/.test(lower)) return undefined;
  // A missing beta ("requires the … header") or a refusal only at some effort is not something the
  // model refuses outright: learning it as such would switch off a feature that works.
  if (/\brequires?\b/.test(lower) || /with effort/.test(lower)) return undefined;

  if (/assistant message prefill|must end with a user message|prefill/.test(lower))
    return { kind: 'prefill' };

  const sampling =
    /[`"']?(temperature|top_p|top_k)[`"']?\s*(?::|is|are)\s*(?:deprecated|not supported|extra inputs|not permitted|cannot)/i.exec(
      text,
    );
  if (sampling?.[1]) return { kind: 'sampling', param: sampling[1].toLowerCase() };

  const beta = /anthropic-beta|beta header/.test(lower)
    ? /`?([a-z0-9-]+-\d{4}-\d{2}-\d{2})`?/.exec(lower)
    : null;
  if (beta?.[1]) return { kind: 'beta', header: beta[1] };

  const thinkingType = /thinking\.type\.([a-z_]+)|thinking type ["'`]?([a-z_]+)/.exec(lower);
  const type = (thinkingType?.[1] ?? thinkingType?.[2]) as ThinkingType | undefined;
  if (type && THINKING.includes(type) && /not supported|not allowed|cannot|invalid|unsupported/.test(lower))
    return { kind: 'thinking', type };
  if (/budget_tokens|thinking budget/.test(lower) && /not supported|unsupported/.test(lower))
    return { kind: 'thinking', type: 'enabled' };

  if (/thinking\.display|`display`|display:/.test(lower)) {
    const value = /(summarized|omitted|updates)/.exec(lower)?.[1];
    return value ? { kind: 'display', value } : { kind: 'display' };
  }

  if (
    /effort/.test(lower) &&
    /not supported|unsupported|invalid|not available|does not support/.test(lower)
  ) {
    const level = EFFORTS.find((l) =>
      new RegExp(`["'\`]${l}["'\`]|\\b${l}\\b effort|effort[^.]*\\b${l}\\b`).test(lower),
    );
    return level ? { kind: 'effort', level } : { kind: 'effort' };
  }

  if (
    /\bspeed\b|fast mode/.test(lower) &&
    /not supported|unsupported|removed|not available|no longer|does not support/.test(lower)
  )
    return { kind: 'speed' };

  if (/tool_choice/.test(lower) && /not supported/.test(lower)) return { kind: 'tool_choice' };
  return undefined;
}

/** Plain words for what was refused, for a notice. */
export function describeRefusal(f: RefusedFeature): string {
  switch (f.kind) {
    case 'speed':
      return 'fast mode (speed: "fast")';
    case 'thinking':
      return `thinking type "${f.type}"`;
    case 'display':
      return f.value ? `thinking display "${f.value}"` : 'the thinking display setting';
    case 'effort':
      return f.level ? `effort "${f.level}"` : 'the effort setting';
    case 'beta':
      return `the beta header ${f.header}`;
    case 'sampling':
      return `the sampling parameter ${f.param}`;
    case 'prefill':
      return 'a conversation ending with an assistant turn (prefill)';
    case 'tool_choice':
      return 'forced tool use (tool_choice "any"/"tool")';
  }
}
