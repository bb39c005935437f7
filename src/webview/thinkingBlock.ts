// A thinking block: streams the summarized reasoning live with an elapsed timer, then folds to
// "Thought for N s" according to the thinkingDisplay setting, and can be reopened.
import type { ThinkingDisplay } from '../shared/protocol';
import { el, icon, uniqueId } from './dom';
import { formatSeconds } from './format';
import { MarkdownStream } from './markdownStream';
import type { RenderContext } from './renderContext';

export class ThinkingBlock {
  readonly element: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private readonly label: HTMLElement;
  private readonly body: HTMLElement;
  private readonly stream: MarkdownStream;
  private readonly startedAt = Date.now();
  private stopTimer: (() => void) | undefined;
  private done = false;

  constructor(private readonly ctx: RenderContext) {
    const bodyId = uniqueId('thinking');
    this.label = el('span', { class: 'thinking-label' }, 'Thinking…');
    this.toggle = el(
      'button',
      { type: 'button', class: 'thinking-toggle', 'aria-expanded': 'true', 'aria-controls': bodyId },
      icon('chevron-down'),
      icon('lightbulb'),
      this.label,
    );
    this.toggle.addEventListener('click', () => this.setExpanded(!this.expanded));
    const text = el('div', { class: 'thinking-text markdown' });
    this.body = el(
      'div',
      {
        class: 'thinking-body',
        id: bodyId,
        role: 'region',
        'aria-label': 'Summary of the model’s reasoning',
      },
      el('p', { class: 'thinking-note' }, 'A summary of the model’s reasoning, not its full thinking.'),
      text,
    );
    this.element = el('div', { class: 'block thinking', 'data-state': 'streaming' }, this.toggle, this.body);
    this.stream = new MarkdownStream(text, ctx.renderer);
    this.applyStreamingDisplay();
    const showElapsed = (now: number) => {
      this.label.textContent = `Thinking… ${formatSeconds(now - this.startedAt)}`;
    };
    showElapsed(this.startedAt);
    this.stopTimer = ctx.ticker.add(showElapsed);
  }

  /** A stored block from a finished turn: no streaming, no timer. */
  static finished(ctx: RenderContext, text: string, durationMs?: number, omitted?: boolean): ThinkingBlock {
    const block = new ThinkingBlock(ctx);
    block.append(text);
    block.stop(durationMs, omitted);
    return block;
  }

  get expanded(): boolean {
    return this.toggle.getAttribute('aria-expanded') === 'true';
  }

  append(text: string): void {
    if (this.done) return;
    this.stream.append(text);
    this.ctx.scheduler.schedule(this);
  }

  flush(): void {
    this.stream.flush();
  }

  /** The block ended (or the answer began): fold it, or say the thinking was omitted. */
  stop(durationMs?: number, omitted?: boolean): void {
    if (this.done) return;
    this.done = true;
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.stream.finish();
    const seconds = formatSeconds(durationMs ?? Date.now() - this.startedAt);
    if (omitted || this.stream.text.trim() === '') {
      this.element.dataset.state = 'omitted';
      this.element.replaceChildren(
        el(
          'p',
          { class: 'thinking-omitted' },
          icon('lightbulb'),
          ` Thought for ${seconds} — the thinking text was omitted from the response.`,
        ),
      );
      return;
    }
    this.element.dataset.state = 'done';
    this.label.textContent = `Thought for ${seconds}`;
    this.applyDisplay(this.ctx.thinkingDisplay());
  }

  /** A settings change: finished blocks follow it; a streaming one keeps streaming visibly. */
  applyDisplay(display: ThinkingDisplay): void {
    if (!this.done) {
      this.applyStreamingDisplay();
      return;
    }
    if (this.element.dataset.state === 'omitted') {
      this.element.hidden = display === 'hidden';
      return;
    }
    this.element.hidden = display === 'hidden';
    this.setExpanded(display === 'expanded');
  }

  /** While streaming the text shows live, except with `hidden`, where only the timer shows. */
  private applyStreamingDisplay(): void {
    const hidden = this.ctx.thinkingDisplay() === 'hidden';
    this.element.classList.toggle('thinking-quiet', hidden);
    this.toggle.disabled = hidden;
    this.setExpanded(!hidden);
  }

  private setExpanded(expanded: boolean): void {
    this.toggle.setAttribute('aria-expanded', String(expanded));
    this.body.hidden = !expanded;
    this.toggle.firstElementChild?.classList.replace(
      expanded ? 'codicon-chevron-right' : 'codicon-chevron-down',
      expanded ? 'codicon-chevron-down' : 'codicon-chevron-right',
    );
  }
}
