// The composer's context meter: what the next request will send (the conversation so far, the
// chips and the draft) against the model's context window. Near the limit it asks the host for an
// exact count (one at a time); past the warning line it says so, and further on it offers a new
// chat that starts from a summary, which is shown here before anything uses it.
import { contextThresholds } from '../shared/contextLimits';
import type { ContextView } from '../shared/protocol';
import { estimateTokens } from '../shared/tokenEstimate';
import { button, el, icon } from './dom';
import { formatCount } from './format';
import type { HostPort } from './vscodeApi';

export class ContextMeter {
  readonly element: HTMLElement;
  private readonly gauge: HTMLMeterElement;
  private readonly label = el('span', { class: 'context-label' });
  private readonly warning = el('p', { class: 'context-warning', role: 'status' });
  private readonly summarizeButton: HTMLButtonElement;
  private readonly summary: HTMLElement;
  private readonly summaryText = el('div', { class: 'summary-text', tabindex: 0 });
  private view: ContextView | undefined;
  private draft = '';
  /** The draft a count was asked for; no second request until it is answered. */
  private counting: string | undefined;
  /** The last draft counted (or tried): a failed or declined count is not asked again for it. */
  private asked: string | undefined;
  private summaryValue = '';

  /** The ids of the last count and summary asked for: only their answers count. */
  private countId: number | undefined;
  private summaryId: number | undefined;
  constructor(private readonly host: HostPort) {
    this.gauge = el('meter', {
      class: 'context-gauge',
      min: 0,
      'aria-label': 'Context used by the next request',
    });
    this.summarizeButton = button(
      { label: 'New chat from a summary', icon: 'fold', class: 'link-button' },
      () => this.askSummary(),
    );
    this.summary = el(
      'section',
      { class: 'summary-preview', 'aria-label': 'Summary for a new chat' },
      el(
        'p',
        { class: 'summary-title' },
        'A new chat will start with this summary as its first message (you can edit it there):',
      ),
      this.summaryText,
      el(
        'div',
        { class: 'summary-actions' },
        button({ label: 'Start new chat with it', class: 'action-button' }, () => this.useSummary()),
        button({ label: 'Discard', class: 'link-button' }, () => this.closeSummary()),
      ),
    );
    this.summary.hidden = true;
    this.element = el(
      'div',
      { class: 'context-meter' },
      el('div', { class: 'context-row' }, this.gauge, this.label),
      el('div', { class: 'context-alert' }, this.warning, this.summarizeButton),
      this.summary,
    );
    this.render();
  }

  /** New figures; an answer to a count other than the last one asked (`replyTo`) is dropped. */
  set(view: ContextView, replyTo?: number): void {
    if (replyTo !== undefined && replyTo !== this.countId) return;
    this.view = view;
    // New figures the host sent by itself (a turn ended, chips changed) may be worth a new count;
    // an answer to a count ends it, with a figure or without (declined or failed).
    if (this.counting === undefined && view.counted === undefined) this.asked = undefined;
    this.counting = undefined;
    this.render();
  }

  setDraft(draft: string): void {
    this.draft = draft;
    this.render();
  }

  /** The summary asked for; an answer to an earlier request (`replyTo`) is dropped. */
  showSummary(text: string, replyTo?: number): void {
    if (replyTo !== undefined && replyTo !== this.summaryId) return;
    this.summaryValue = text;
    this.summaryText.textContent = text;
    this.summary.hidden = false;
    this.summarizeButton.disabled = false;
    this.summaryText.focus();
  }

  /** Tokens the next request will send; exact near the limit, adjusted by what was typed since. */
  get tokens(): number {
    const v = this.view;
    if (!v) return estimateTokens(this.draft);
    const draftTokens = estimateTokens(this.draft);
    if (v.counted) return Math.max(0, v.counted.tokens + draftTokens - estimateTokens(v.counted.draft));
    return v.historyTokens + v.chipTokens + draftTokens;
  }

  private render(): void {
    const v = this.view;
    const tokens = this.tokens;
    this.element.hidden = !v || tokens === 0;
    if (!v) return;
    const exact = v.counted?.draft === this.draft;
    const amount = `${exact ? '' : '~'}${compact(tokens)}`;
    const window = v.window;
    this.gauge.hidden = window === undefined;
    if (window === undefined) {
      this.label.textContent = `${amount} tokens in the next request`;
      this.warning.hidden = true;
      this.summarizeButton.hidden = true;
      return;
    }
    const share = tokens / window;
    const percent = Math.min(999, Math.round(share * 100));
    this.gauge.max = window;
    this.gauge.low = window * contextThresholds.warn;
    this.gauge.high = window * contextThresholds.summarize;
    this.gauge.optimum = 0;
    this.gauge.value = Math.min(tokens, window);
    this.gauge.setAttribute(
      'aria-valuetext',
      `${formatCount(tokens)} of ${formatCount(window)} tokens, ${percent}%${exact ? ', counted' : ', estimated'}`,
    );
    this.label.textContent = `${amount} / ${compact(window)} (${percent}%)`;
    this.label.title = exact
      ? 'Counted with count_tokens for the next request'
      : 'Estimated from the last response’s usage, the chips and the draft (about 4 characters a token)';
    this.element.classList.toggle('is-warning', share >= contextThresholds.warn);
    this.warning.hidden = share < contextThresholds.warn;
    this.warning.replaceChildren(
      icon('warning'),
      share >= 1
        ? 'The next request is larger than the context window: it will be refused.'
        : 'The next request is near the context limit.',
    );
    this.summarizeButton.hidden = share < contextThresholds.summarize;
    if (
      share >= contextThresholds.count &&
      !exact &&
      this.counting === undefined &&
      this.asked !== this.draft
    ) {
      this.counting = this.draft;
      this.asked = this.draft;
      this.countId = this.host.post({ type: 'countContext', draft: this.draft });
    }
  }

  private askSummary(): void {
    this.summarizeButton.disabled = true;
    this.summaryId = this.host.post({ type: 'summarize' });
  }

  private useSummary(): void {
    this.host.post({ type: 'newChatFromSummary', summary: this.summaryValue });
    this.closeSummary();
  }

  private closeSummary(): void {
    this.summary.hidden = true;
    this.summaryValue = '';
    this.summaryText.textContent = '';
  }
}

/** 950, 12.3K, 1.2M: short enough for a narrow sidebar. */
function compact(n: number): string {
  if (n < 1000) return String(Math.round(n));
  if (n < 1_000_000) return `${trim(n / 1000)}K`;
  return `${trim(n / 1_000_000)}M`;
}

function trim(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, '');
}
