// Errors shown inline under the turn they belong to, with one button per fix, plus the retry
// countdown shared with turnStatus.
import type { ErrorView, TurnAction } from '../shared/protocol';
import { button, el, icon } from './dom';
import type { Ticker } from './ticker';

const actionLabels: Record<TurnAction, { label: string; icon: string }> = {
  setApiKey: { label: 'Set API key', icon: 'key' },
  retry: { label: 'Retry', icon: 'refresh' },
  continue: { label: 'Continue', icon: 'debug-continue' },
  openSettings: { label: 'Open settings', icon: 'settings-gear' },
  showLog: { label: 'Show log', icon: 'output' },
  resendWithout: { label: 'Resend without it', icon: 'refresh' },
  selectModel: { label: 'Try another model', icon: 'hubot' },
};

/** One button that runs a turn action on the host. */
export function actionButton(action: TurnAction, run: (action: TurnAction) => void): HTMLButtonElement {
  const { label, icon: iconName } = actionLabels[action];
  return button({ label, icon: iconName, class: 'action-button', title: label }, () => run(action));
}

/** What an error's buttons do: a turn action, or a retry at an effort level the model takes. */
export interface ErrorRun {
  (action: TurnAction): void;
  retryAtEffort?(effort: string): void;
}

/** Renders an error; returns the element and a function that stops its countdown. */
export function renderError(
  error: ErrorView,
  ticker: Ticker,
  run: ErrorRun,
): { element: HTMLElement; dispose: () => void } {
  const element = el(
    'div',
    { class: 'turn-error', role: 'alert' },
    el('div', { class: 'error-title' }, icon('error'), el('span', {}, ` ${error.title}`)),
    el('p', { class: 'error-message' }, error.message),
  );
  let dispose: () => void = () => undefined;
  if (error.retryAt !== undefined) {
    const countdown = el('p', { class: 'countdown' });
    element.append(countdown);
    // The turn has ended: nothing retries by itself, so say when Retry can work (issue 10 #10).
    dispose = startCountdown(countdown, error.retryAt, ticker, 'You can retry', 'You can retry now.');
  }
  // A refused effort level: one retry per level the model takes, instead of a Retry that fails again.
  const retries = (error.retryEfforts ?? []).map((effort) => {
    const label = `Retry at ${effort}`;
    return button({ label, icon: 'refresh', class: 'action-button retry-effort', title: label }, () =>
      run.retryAtEffort?.(effort),
    );
  });
  const buttons = [...retries, ...error.actions.map((a) => actionButton(a, run))];
  if (buttons.length > 0) element.append(el('div', { class: 'error-actions' }, ...buttons));
  return { element, dispose };
}

/** Counts down to `retryAt` in `target` ("Retrying in 12 s", then `done`); stops by itself at zero. */
export function startCountdown(
  target: HTMLElement,
  retryAt: number,
  ticker: Ticker,
  verb: string,
  done = `${verb} now…`,
): () => void {
  const render = (now: number): boolean => {
    const seconds = Math.ceil((retryAt - now) / 1000);
    target.textContent = seconds > 0 ? `${verb} in ${seconds} s` : done;
    return seconds > 0;
  };
  if (!render(Date.now())) return () => undefined;
  const remove = ticker.add((now) => {
    if (!render(now)) remove();
  });
  return remove;
}
