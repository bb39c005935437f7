// One exchange in the conversation: the prompt, the streamed blocks, and what is shown once the
// turn ends (outcome marker, error, stop reason, footer, per-turn actions).
import type {
  BlockDelta,
  BlockKind,
  BlockView,
  ErrorView,
  FooterView,
  TurnAction,
  TurnOutcome,
  TurnView,
} from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import { AnswerBlock } from './answerBlock';
import { button, el, icon } from './dom';
import { startCountdown, type ErrorRun } from './errorView';
import { promptView } from './promptView';
import { redactedBlock } from './redactedBlock';
import type { RenderContext } from './renderContext';
import { ThinkingBlock } from './thinkingBlock';
import { renderTurnEnd } from './turnEnd';

type Block = ThinkingBlock | AnswerBlock | HTMLElement;

export class ChatTurn {
  readonly element: HTMLElement;
  private readonly blocksElement = el('div', { class: 'blocks' });
  private readonly statusElement = el('div', { class: 'turn-status', role: 'status', hidden: true });
  private readonly endElement = el('div', { class: 'turn-end' });
  private readonly actionsElement = el('div', { class: 'turn-actions' });
  private readonly blocks = new Map<number, Block>();
  private readonly disposers: (() => void)[] = [];
  private stopStatusCountdown: (() => void) | undefined;
  private statusKind: string | undefined;
  private outcomeValue: TurnOutcome;

  constructor(
    readonly data: TurnView,
    private readonly ctx: RenderContext,
  ) {
    this.outcomeValue = data.outcome;
    const prompt = promptView(data, ctx.host);
    const response = el(
      'div',
      { class: 'response' },
      el('div', { class: 'speaker' }, icon('sparkle'), ' Claude'),
      this.blocksElement,
      this.statusElement,
      this.endElement,
      this.actionsElement,
    );
    this.element = el(
      'article',
      { class: 'turn', 'data-turn-id': data.id, 'data-outcome': data.outcome },
      prompt,
      response,
    );
    data.blocks.forEach((block, position) => this.addStoredBlock(block.index ?? position, block));
    if (data.outcome !== 'streaming') this.showEnd(data.outcome, data.footer, data.error, data.notice);
  }

  get id(): string {
    return this.data.id;
  }

  get outcome(): TurnOutcome {
    return this.outcomeValue;
  }

  /** The answer text so far, for announcements. */
  answerText(): string {
    let text = '';
    for (const block of this.blocks.values()) if (block instanceof AnswerBlock) text += block.text;
    return text;
  }

  applyOps(ops: readonly BlockDelta[]): void {
    if (this.statusKind === 'waiting' || this.statusKind === 'retrying') this.clearStatus();
    for (const op of ops) {
      switch (op.op) {
        case 'start':
          if (op.kind !== 'other') this.startBlock(op.index, op.kind);
          break;
        case 'append': {
          const block = this.blocks.get(op.index);
          if (block instanceof ThinkingBlock || block instanceof AnswerBlock) block.append(op.text);
          break;
        }
        case 'stop': {
          const block = this.blocks.get(op.index);
          if (block instanceof ThinkingBlock) block.stop(op.durationMs, op.omitted);
          else if (block instanceof AnswerBlock) block.stop();
          break;
        }
        default:
          assertNever(op);
      }
    }
  }

  /** A wait, retry or fallback notice while the turn streams, with a countdown when timed. */
  setStatus(status: 'waiting' | 'retrying' | 'fallback', message: string, retryAt?: number): void {
    this.clearStatus();
    this.statusKind = status;
    this.statusElement.hidden = false;
    this.statusElement.dataset.status = status;
    this.statusElement.append(icon(status === 'fallback' ? 'info' : 'clock'), el('span', {}, ` ${message} `));
    if (retryAt !== undefined) {
      const countdown = el('span', { class: 'countdown' });
      this.statusElement.append(countdown);
      this.stopStatusCountdown = startCountdown(countdown, retryAt, this.ctx.ticker, 'Retrying');
    }
  }

  end(
    outcome: Exclude<TurnOutcome, 'streaming'>,
    footer?: FooterView,
    error?: ErrorView,
    notice?: string,
  ): void {
    for (const block of this.blocks.values()) {
      if (block instanceof ThinkingBlock) block.stop();
      else if (block instanceof AnswerBlock) block.stop();
    }
    if (this.statusKind !== 'fallback') this.clearStatus();
    this.showEnd(outcome, footer, error, notice);
    this.ctx.live.complete(outcome === 'complete' ? 'Response complete.' : `Response ${outcome}.`);
  }

  /** Shows Regenerate only on the last turn, and only when nothing streams (prompts edit in place). */
  setLast(isLast: boolean, busy: boolean): void {
    this.actionsElement.replaceChildren();
    if (!isLast || busy || this.outcomeValue === 'streaming') return;
    this.actionsElement.append(
      button(
        { label: 'Regenerate', icon: 'refresh', class: 'turn-action', title: 'Regenerate the last answer' },
        () => this.ctx.host.post({ type: 'regenerate' }),
      ),
    );
  }

  applyThinkingDisplay(): void {
    for (const block of this.blocks.values()) {
      if (block instanceof ThinkingBlock) block.applyDisplay(this.ctx.thinkingDisplay());
    }
  }

  dispose(): void {
    this.clearStatus();
    for (const dispose of this.disposers) dispose();
    for (const block of this.blocks.values()) if (block instanceof ThinkingBlock) block.stop();
  }

  private startBlock(index: number, kind: BlockKind): void {
    let block: Block;
    if (kind === 'thinking') {
      block = new ThinkingBlock(this.ctx);
    } else if (kind === 'text') {
      // The answer has begun: any thinking still open is over.
      for (const other of this.blocks.values()) if (other instanceof ThinkingBlock) other.stop();
      if (!this.hasAnswer()) this.ctx.live.begin(() => this.answerText());
      block = new AnswerBlock(this.ctx);
    } else {
      block = redactedBlock();
    }
    this.blocks.set(index, block);
    this.blocksElement.append(block instanceof HTMLElement ? block : block.element);
  }

  /** A block of a stored turn, or of a mid-stream snapshot (`open` ones continue streaming). */
  private addStoredBlock(index: number, view: BlockView): void {
    if (view.open) {
      this.startBlock(index, view.kind);
      const open = this.blocks.get(index);
      if (view.kind !== 'redacted' && (open instanceof ThinkingBlock || open instanceof AnswerBlock))
        open.append(view.text);
      return;
    }
    let block: Block;
    if (view.kind === 'thinking')
      block = ThinkingBlock.finished(this.ctx, view.text, view.durationMs, view.omitted);
    else if (view.kind === 'text') block = AnswerBlock.finished(this.ctx, view.text);
    else block = redactedBlock();
    this.blocks.set(index, block);
    this.blocksElement.append(block instanceof HTMLElement ? block : block.element);
  }

  private hasAnswer(): boolean {
    return [...this.blocks.values()].some((b) => b instanceof AnswerBlock);
  }

  private showEnd(outcome: TurnOutcome, footer?: FooterView, error?: ErrorView, notice?: string): void {
    this.outcomeValue = outcome;
    this.element.dataset.outcome = outcome;
    const run: ErrorRun = (action: TurnAction) =>
      this.ctx.host.post({ type: 'action', turnId: this.id, action });
    run.retryAtEffort = (effort) => this.ctx.host.post({ type: 'retryAtEffort', turnId: this.id, effort });
    const end = renderTurnEnd({ outcome, footer, error, notice }, this.ctx.ticker, run);
    this.disposers.push(...end.disposers);
    this.endElement.replaceChildren(...end.elements);
  }

  private clearStatus(): void {
    this.stopStatusCountdown?.();
    this.stopStatusCountdown = undefined;
    this.statusKind = undefined;
    this.statusElement.hidden = true;
    this.statusElement.replaceChildren();
  }
}
