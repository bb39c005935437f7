import * as vscode from 'vscode';
import type { Speed, StreamResult } from '../../anthropic/types';
import { formatUsd } from '../../shared/money';
import { singleFencedBlock } from './codeFence';
import type { InlineProposal } from './inlineProposal';
import { cutOffHint, refusalOrCutOff, showProblem } from './refactorMessages';
import { answerText, type RefactorOutcome } from './refactorOutcome';
import type { RefactorPlan } from './refactorRequest';

export const editedWhileStreaming =
  'You edited the selected code while the refactor was running, so it stopped and nothing was applied.';

export interface Conclusion {
  readonly plan: RefactorPlan;
  readonly speed: Speed;
  readonly notices: string[];
  readonly log: vscode.LogOutputChannel;
}

/**
 * What a finished stream means: stopped (by the user, or by an edit inside the range), failed,
 * refused, not one code block, identical, or a proposal with hunks to decide on (`offer` shows
 * the courtesy notification). Every message that rejects an answer keeps it one click away.
 */
export function concludeRefactor(
  proposal: InlineProposal,
  result: StreamResult,
  c: Conclusion,
  offer: (text: string) => void,
): RefactorOutcome {
  const notices = c.notices;
  const answer = answerText(result);
  if (result.outcome === 'stopped') {
    if (!proposal.watch.isConflicted) return { outcome: 'cancelled' };
    void vscode.window.showWarningMessage(`Thinkfast: ${editedWhileStreaming}`);
    return { outcome: 'conflicted', message: editedWhileStreaming };
  }
  if (result.outcome !== 'complete') {
    const message = `The refactor failed: ${result.error?.message ?? result.outcome}. The file was not changed.`;
    showProblem(message, answer, c.log);
    return { outcome: 'failed', message };
  }
  const refusal = refusalOrCutOff(result);
  if (refusal) {
    showProblem(refusal, answer, c.log);
    return { outcome: 'refused', message: refusal, answer };
  }
  const block = singleFencedBlock(answer);
  if (!block.ok) {
    const message = `${block.problem}${cutOffHint(result)} Expected exactly one fenced code block; the file was not changed.`;
    c.log.warn(`refactor answer rejected: ${block.problem}\n${answer}`);
    showProblem(message, answer, c.log);
    return { outcome: 'invalid', message, answer };
  }
  const hunks = proposal.finish(block.code);
  if (hunks === 0) {
    void vscode.window.showInformationMessage(
      'Thinkfast: the proposal is identical to the selection; nothing to change.',
    );
    return { outcome: 'identical', notices };
  }
  const m = result.metrics;
  const summary = [
    `${c.speed} speed${m.fellBack ? ' (fell back)' : ''}`,
    m.outputTokensPerSecond === undefined ? undefined : `${Math.round(m.outputTokensPerSecond)} tok/s`,
    m.cost ? formatUsd(m.cost.totalUsd) : 'cost unknown',
  ].filter((s) => s !== undefined);
  const changes = `${hunks} change${hunks === 1 ? '' : 's'}`;
  offer(
    [
      `Thinkfast: refactor ready — ${changes} (${summary.join(' · ')}). Keep or Undo them in the editor.`,
      ...notices,
    ].join(' '),
  );
  return {
    outcome: 'proposed',
    proposal: proposal.proposal ?? '',
    hunks,
    speed: c.speed,
    effort: c.plan.effort,
    fellBack: m.fellBack,
    ...(m.outputTokensPerSecond === undefined ? {} : { tokensPerSecond: m.outputTokensPerSecond }),
    ...(m.cost ? { costUsd: m.cost.totalUsd } : {}),
    estimates: [],
    notices,
  };
}
