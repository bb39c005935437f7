// What a turn shows once it has ended: the outcome note, the error with its actions, the stop
// reason (with Continue where it applies), a notice, and the footer.
import type { ErrorView, FooterView, TurnOutcome } from '../shared/protocol';
import { el, icon } from './dom';
import { actionButton, renderError, type ErrorRun } from './errorView';
import { describeStopReason, renderFooter } from './footer';
import type { Ticker } from './ticker';

const outcomeNotes: Partial<Record<TurnOutcome, { text: string; icon: string }>> = {
  stopped: { text: 'Stopped — the partial answer is kept.', icon: 'debug-stop' },
  interrupted: { text: 'Interrupted — the answer did not finish.', icon: 'warning' },
};
const refusedNote = { text: 'Declined by the model — not an error, not an answer.', icon: 'circle-slash' };

export interface TurnEnd {
  readonly outcome: TurnOutcome;
  readonly footer?: FooterView;
  readonly error?: ErrorView;
  readonly notice?: string;
}

/** The elements to show under the turn, and what to call when the turn goes away (countdowns). */
export function renderTurnEnd(
  end: TurnEnd,
  ticker: Ticker,
  run: ErrorRun,
): { elements: HTMLElement[]; disposers: (() => void)[] } {
  const { outcome, footer, error, notice } = end;
  const elements: HTMLElement[] = [];
  const disposers: (() => void)[] = [];
  const refused = outcome === 'complete' && footer?.stopReason === 'refusal';
  const note = refused ? refusedNote : outcomeNotes[outcome];
  const noteClass = refused ? 'refused' : outcome;
  if (note)
    elements.push(el('p', { class: `outcome-note outcome-${noteClass}` }, icon(note.icon), ` ${note.text}`));
  if (error) {
    const rendered = renderError(error, ticker, run);
    disposers.push(rendered.dispose);
    elements.push(rendered.element);
  }
  const stop = describeStopReason(footer?.stopReason, footer);
  if (stop) {
    const stopNote = el(
      'div',
      { class: `stop-reason stop-${footer?.stopReason ?? ''}`, role: 'note' },
      icon('info'),
      ` ${stop.message} `,
    );
    if (stop.canContinue && !error?.actions.includes('continue'))
      stopNote.append(actionButton('continue', run));
    if (stop.otherModel && !error?.actions.includes('selectModel'))
      stopNote.append(actionButton('selectModel', run));
    elements.push(stopNote);
  }
  if (notice) elements.push(el('p', { class: 'turn-notice', role: 'note' }, icon('info'), ` ${notice}`));
  if (footer) elements.push(renderFooter(footer));
  return { elements, disposers };
}
