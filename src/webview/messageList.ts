// The scrolling list of turns. Follows the stream while the user is at the bottom; once they
// scroll up it stays put and offers "Jump to latest". The scroll position is saved as view state.
import { button, el } from './dom';
import type { ChatTurn } from './chatTurn';
import type { ViewStateStore } from './state';

/** Within this many pixels of the bottom counts as "at the bottom". */
const bottomSlack = 24;

export class MessageList {
  readonly element: HTMLElement;
  readonly scroller: HTMLElement;
  private readonly turnsElement = el('div', { class: 'turns' });
  private readonly jump: HTMLButtonElement;
  private turns: ChatTurn[] = [];
  private atBottom = true;
  private saveRequested = false;

  /** `empty` is shown while there are no turns (emptyState.ts). */
  constructor(
    private readonly state: ViewStateStore,
    private readonly empty: HTMLElement,
  ) {
    this.scroller = el(
      'main',
      { class: 'messages', 'aria-label': 'Conversation', tabindex: 0 },
      this.empty,
      this.turnsElement,
    );
    this.jump = button({ label: 'Jump to latest', icon: 'arrow-down', class: 'jump-to-latest' }, () => {
      this.atBottom = true;
      this.scrollToBottom();
    });
    this.jump.hidden = true;
    this.element = el('div', { class: 'messages-wrap' }, this.scroller, this.jump);
    this.scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.atBottom = state.current.atBottom ?? true;
  }

  get all(): readonly ChatTurn[] {
    return this.turns;
  }

  find(id: string): ChatTurn | undefined {
    return this.turns.find((t) => t.id === id);
  }

  last(): ChatTurn | undefined {
    return this.turns.at(-1);
  }

  /** Replaces everything (a conversation was loaded); restores the saved scroll once. */
  reset(turns: ChatTurn[], restoreScroll: boolean): void {
    for (const turn of this.turns) turn.dispose();
    this.turns = turns;
    this.turnsElement.replaceChildren(...turns.map((t) => t.element));
    this.empty.hidden = turns.length > 0;
    const saved = this.state.current;
    if (restoreScroll && saved.atBottom === false && saved.scrollTop !== undefined) {
      this.atBottom = false;
      this.scroller.scrollTop = saved.scrollTop;
      this.updateJump();
    } else {
      this.atBottom = true;
      this.scrollToBottom();
    }
  }

  /** Adds a turn, or replaces the turn with the same id (a retried turn restarts). */
  upsert(turn: ChatTurn): void {
    const existing = this.turns.findIndex((t) => t.id === turn.id);
    if (existing >= 0) {
      this.turns[existing].dispose();
      this.turns[existing].element.replaceWith(turn.element);
      this.turns[existing] = turn;
    } else {
      this.turns.push(turn);
      this.turnsElement.append(turn.element);
      // Sending a prompt means the user wants to see the answer.
      this.atBottom = true;
    }
    this.empty.hidden = true;
    this.afterRender();
  }

  truncateFrom(turnId: string): void {
    const index = this.turns.findIndex((t) => t.id === turnId);
    if (index < 0) return;
    for (const turn of this.turns.splice(index)) {
      turn.dispose();
      turn.element.remove();
    }
    this.empty.hidden = this.turns.length > 0;
  }

  /** Called after each frame's writes: keep following the stream if the user is at the bottom. */
  afterRender(): void {
    if (this.atBottom) this.scrollToBottom();
    this.updateJump();
  }

  private scrollToBottom(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.updateJump();
  }

  private onScroll(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    this.atBottom = scrollHeight - scrollTop - clientHeight <= bottomSlack;
    this.updateJump();
    if (this.saveRequested) return;
    this.saveRequested = true;
    requestAnimationFrame(() => {
      this.saveRequested = false;
      this.state.update({ scrollTop: this.scroller.scrollTop, atBottom: this.atBottom });
    });
  }

  private updateJump(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    const hasMoreBelow = scrollHeight - scrollTop - clientHeight > bottomSlack;
    this.jump.hidden = this.atBottom || !hasMoreBelow;
  }
}
