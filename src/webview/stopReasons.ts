// Why an answer ended early, in words, with what to do: max_tokens (Continue), a refusal (its
// category and explanation, the partial answer kept, "Try another model"), the context window.
import type { FooterView } from '../shared/protocol';
import { formatCount } from './format';

export interface StopNote {
  readonly message: string;
  readonly canContinue: boolean;
  /** Offer "Try another model". */
  readonly otherModel?: boolean;
}

/** Why the answer ended early, if it did, and what to do about it. */
export function describeStopReason(
  stopReason: string | undefined,
  footer?: Pick<FooterView, 'refusal' | 'contextWindow' | 'modelLabel' | 'model'>,
): StopNote | undefined {
  switch (stopReason) {
    case undefined:
    case 'end_turn':
    case 'stop_sequence':
    case 'tool_use':
    case 'pause_turn':
      return undefined;
    case 'max_tokens':
      return {
        message:
          'The response hit max_tokens. Thinking and the answer share that budget, so deep thinking can crowd out ' +
          'the answer. Continue, or raise max_tokens or lower the effort for next time.',
        canContinue: true,
      };
    case 'refusal': {
      const r = footer?.refusal;
      const category = r?.category ? ` (${r.category.replace(/_/g, ' ')})` : '';
      const why = r?.explanation ? ` ${r.explanation}` : '';
      return {
        message: `The model declined to continue this request${category}: a refusal, not an error.${why} What it wrote before is kept.`,
        canContinue: false,
        otherModel: true,
      };
    }
    case 'model_context_window_exceeded': {
      const name = footer?.modelLabel ?? footer?.model ?? 'The model';
      const size = footer?.contextWindow ? ` of ${formatCount(footer.contextWindow)} tokens` : '';
      return {
        message:
          `The conversation filled ${name}'s context window${size}, so the answer stopped. ` +
          'Start a new chat (attach only what the question needs), or pick a model with a larger window.',
        canContinue: false,
        otherModel: true,
      };
    }
    default:
      return { message: `The response stopped early (${stopReason}).`, canContinue: false };
  }
}
