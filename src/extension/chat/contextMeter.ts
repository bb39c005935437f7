// What the next request will send, against the model's context window: the last response's usage
// (its whole input plus its output, which the next request sends back), the attached chips and the
// draft. count_tokens is asked only near the limit. Also the request that summarizes a conversation
// for a fresh start. No vscode import: unit-tested in plain Node against the simulator.

import type { ModelCapabilities } from '../../anthropic/models';
import { buildRequest } from '../../anthropic/requestBuilder';
import type { BuiltRequest, MessageCreateParams } from '../../anthropic/types';
import { contextThresholds } from '../../shared/contextLimits';
import type { ContextView } from '../../shared/protocol';
import { estimateTokens } from '../../shared/tokenEstimate';
import { historyMessages, userContent, type Attachment, type Turn } from './conversation';
import { requestSettings, type TurnSettings } from './turnRunner';

/** Tokens the conversation so far adds to the next request. */
export function historyTokens(turns: readonly Turn[]): number {
  let lastMeasured = -1;
  let tokens = 0;
  turns.forEach((turn, i) => {
    const f = turn.footer;
    if (!f) return;
    lastMeasured = i;
    tokens = f.inputTokens + f.cacheReadTokens + f.cacheWriteTokens + f.outputTokens;
  });
  // Turns after the last measured one (failed, or saved without usage) are estimated from text.
  for (const turn of turns.slice(lastMeasured + 1)) {
    tokens += estimateTokens(userContent(turn));
    for (const block of turn.content) {
      if (block.type === 'text' && typeof block.text === 'string') tokens += estimateTokens(block.text);
    }
  }
  return tokens;
}

export function contextView(
  turns: readonly Turn[],
  chips: readonly Attachment[],
  caps: Pick<ModelCapabilities, 'contextWindow'>,
  counted?: ContextView['counted'],
): ContextView {
  return {
    ...(caps.contextWindow ? { window: caps.contextWindow } : {}),
    historyTokens: historyTokens(turns),
    chipTokens: chips.reduce((sum, c) => sum + (c.tokens ?? estimateTokens(c.text)), 0),
    ...(counted ? { counted } : {}),
  };
}

/** True when the estimate for `draft` is close enough to the window to be worth an exact count. */
export function nearLimit(view: ContextView, draft: string): boolean {
  if (!view.window) return false;
  const estimate = view.historyTokens + view.chipTokens + estimateTokens(draft);
  return estimate >= view.window * contextThresholds.count;
}

export interface CountDeps {
  readonly client: {
    countTokens(body: MessageCreateParams, betas?: readonly string[], signal?: AbortSignal): Promise<number>;
  };
  readonly caps: ModelCapabilities;
  readonly settings: TurnSettings;
}

/** The request the next send would make, with `draft` as its prompt and `chips` attached. */
export function nextRequest(
  turns: readonly Turn[],
  chips: readonly Attachment[],
  draft: string,
  deps: Pick<CountDeps, 'caps' | 'settings'>,
): BuiltRequest {
  const next: Turn = {
    id: 'next',
    prompt: draft,
    attachments: [...chips],
    content: [],
    outcome: 'streaming',
  };
  const system = deps.settings.systemPrompt.trim() === '' ? undefined : deps.settings.systemPrompt;
  const settings = requestSettings(deps.settings, deps.caps);
  return buildRequest(settings, deps.caps, historyMessages([...turns, next]), system);
}

/** count_tokens for the next request; only called when `nearLimit` says so. */
export async function countNextRequest(
  turns: readonly Turn[],
  chips: readonly Attachment[],
  draft: string,
  deps: CountDeps,
  signal?: AbortSignal,
): Promise<number> {
  const built = nextRequest(turns, chips, draft.trim() === '' ? '.' : draft, deps);
  return deps.client.countTokens(built.body, built.betas, signal);
}

/** What the model is asked to write when the user starts a new chat from a summary. */
export const summaryInstruction =
  'Summarize this conversation so it can continue in a new chat: the goal, what was decided, the ' +
  'code and files that matter (with their paths), open questions and the next step. Be concise; ' +
  'use short Markdown sections. Reply with the summary only.';

/** The summary request: the whole conversation, then the instruction as the next prompt. */
export function summaryRequest(
  turns: readonly Turn[],
  deps: Pick<CountDeps, 'caps' | 'settings'>,
): BuiltRequest {
  return nextRequest(turns, [], summaryInstruction, deps);
}

/** The draft a new chat starts with: the summary, said to be one, ready to edit before sending. */
export function draftFromSummary(summary: string): string {
  return `Here is a summary of our previous conversation, to continue from:\n\n${summary.trim()}\n\n`;
}
