// The scrolling list of turns. Follows the stream while the user is at the bottom; once they
// scroll up it stays put and offers "Jump to latest". The scroll position is saved as view state.
//
// A long conversation opens with only its last turns rendered (enough to fill the view twice);
// older turns are rendered when the user scrolls near the top, or asks for them with the button
// at the top, keeping what is on screen in place. Opening costs the same at 100 or 1,000 turns,
// and find-in-page finds what is rendered.
import type { TurnView } from '../shared/protocol';
import { button, el } from './dom';
import type { ChatTurn } from './chatTurn';
import type { ViewStateStore } from './state';

/** Within this many pixels of the bottom counts as "at the bottom". */
const bottomSlack = 24;
/** Render at most this many older turns at once (each also stops once a screen is filled). */
const maxTurnsPerBatch = 20;

/** A turn of the conversation, rendered (`turn`) or not yet. */
interface Slot {
  view: TurnView;
  turn?: ChatTurn;
}

export class MessageList {
  readonly element: HTMLElement;
  readonly scroller: HTMLElement;
  private readonly turnsElement = el('div', { class: 'turns' });
  private readonly jump: HTMLButtonElement;
  private readonly earlier: HTMLButtonElement;
  private slots: Slot[] = [];
  /** slots[firstShown..] are rendered, in order; the ones before are not. */
  private firstShown = 0;
  private make: (view: TurnView) => ChatTurn = () => {
    throw new Error('reset() first');
  };
  private atBottom = true;
  private saveRequested = false;

  /** `empty` is shown while there are no turns (emptyState.ts). */
  constructor(
    private readonly state: ViewStateStore,
    private readonly empty: HTMLElement,
  ) {
    this.earlier = button(
      { label: 'Show earlier turns', icon: 'fold-up', class: 'turn-action earlier-turns' },
      () => this.showOlder(),
    );
    this.earlier.hidden = true;
    this.scroller = el(
      'main',
      { class: 'messages', 'aria-label': 'Conversation', tabindex: 0 },
      this.empty,
      this.earlier,
      this.turnsElement,
    );
    this.jump = button({ label: 'Jump to latest', icon: 'arrow-down', class: 'jump-to-latest' }, () => {
      this.atBottom = true;
      this.scrollToBottom();
    });
    this.jump.hidden = true;
    this.element = el('div', { class: 'messages-wrap' }, this.scroller, this.jump);
    this.scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // Shown again after being hidden, or resized: fill the view if it has room above.
    new ResizeObserver(() => this.showOlderIfNearTop()).observe(this.scroller);
    this.atBottom = state.current.atBottom ?? true;
  }

  /** The rendered turns, in order; the last turn of the conversation is always among them. */
  get all(): readonly ChatTurn[] {
    const turns: ChatTurn[] = [];
    for (let i = this.firstShown; i < this.slots.length; i++) turns.push(this.slots[i].turn!);
    return turns;
  }

  /** The rendered turn with this id (turns still streaming are always rendered). */
  find(id: string): ChatTurn | undefined {
    // From the end: deltas go to the last turn.
    for (let i = this.slots.length - 1; i >= 0; i--)
      if (this.slots[i].view.id === id) return this.slots[i].turn;
    return undefined;
  }

  last(): ChatTurn | undefined {
    return this.slots.at(-1)?.turn;
  }

  /**
   * Replaces everything (a conversation was loaded): renders the last turns with `make`, the rest
   * on demand; restores the saved scroll once.
   */
  reset(views: readonly TurnView[], make: (view: TurnView) => ChatTurn, restoreScroll: boolean): void {
    for (const turn of this.all) turn.dispose();
    this.make = make;
    this.slots = views.map((view) => ({ view }));
    this.firstShown = this.slots.length;
    this.turnsElement.replaceChildren();
    this.empty.hidden = views.length > 0;
    const saved = this.state.current;
    if (restoreScroll && saved.atBottom === false && saved.scrollTop !== undefined) {
      // The same turns as when the position was saved (all of them, when saved by a version that
      // rendered every turn), so the same content is at the saved offset.
      this.prepend(saved.shownTurns ?? this.slots.length);
      this.updateEarlier();
      this.atBottom = false;
      this.scroller.scrollTop = saved.scrollTop;
      this.updateJump();
    } else {
      this.prepend(1);
      this.fill(2);
      this.updateEarlier();
      this.atBottom = true;
      this.scrollToBottom();
    }
  }

  /** Adds a turn, or replaces the turn with the same id (a retried turn restarts). */
  upsert(turn: ChatTurn): void {
    const existing = this.slots.findIndex((s) => s.view.id === turn.id);
    if (existing >= this.firstShown) {
      const slot = this.slots[existing];
      slot.turn!.dispose();
      slot.turn!.element.replaceWith(turn.element);
      this.slots[existing] = { view: turn.data, turn };
    } else if (existing >= 0) {
      // Not rendered: it will be, from its new view, when scrolled to.
      turn.dispose();
      this.slots[existing] = { view: turn.data };
    } else {
      this.slots.push({ view: turn.data, turn });
      this.turnsElement.append(turn.element);
      // Sending a prompt means the user wants to see the answer.
      this.atBottom = true;
    }
    this.empty.hidden = true;
    this.afterRender();
  }

  truncateFrom(turnId: string): void {
    const index = this.slots.findIndex((s) => s.view.id === turnId);
    if (index < 0) return;
    for (const slot of this.slots.splice(index)) {
      slot.turn?.dispose();
      slot.turn?.element.remove();
    }
    this.firstShown = Math.min(this.firstShown, this.slots.length);
    if (this.firstShown === this.slots.length) this.prepend(1);
    this.fill(2);
    this.updateEarlier();
    this.empty.hidden = this.slots.length > 0;
  }

  /** Called after each frame's writes: keep following the stream if the user is at the bottom. */
  afterRender(): void {
    if (this.atBottom) this.scrollToBottom();
    this.updateJump();
  }

  /** Renders up to `count` turns before the first rendered one; returns them. */
  private prepend(count: number): ChatTurn[] {
    const start = Math.max(0, this.firstShown - count);
    const turns: ChatTurn[] = [];
    for (let i = start; i < this.firstShown; i++) {
      const slot = this.slots[i];
      slot.turn = this.make(slot.view);
      turns.push(slot.turn);
    }
    this.firstShown = start;
    this.turnsElement.prepend(...turns.map((t) => t.element));
    return turns;
  }

  /** Renders older turns until the rendered turns are `screens` views tall (or all are rendered). */
  private fill(screens: number): void {
    const target = screens * Math.max(this.scroller.clientHeight, 1);
    for (let n = 0; n < maxTurnsPerBatch && this.firstShown > 0; n++) {
      // No layout (the view is hidden): the ResizeObserver fills once it is shown.
      if (this.turnsElement.offsetHeight >= target || this.scroller.clientHeight === 0) break;
      this.prepend(1);
    }
  }

  /** Renders about a screen of older turns above the first one, keeping the view where it is. */
  private showOlder(): void {
    const anchor = this.slots[this.firstShown]?.turn?.element;
    if (!anchor) return;
    const before = anchor.getBoundingClientRect().top;
    const screen = Math.max(this.scroller.clientHeight, 1);
    let added = 0;
    for (let n = 0; n < maxTurnsPerBatch && this.firstShown > 0 && added < screen; n++)
      added += this.prepend(1)[0].element.offsetHeight;
    // Whatever the browser's own scroll anchoring did, the anchor ends where it was.
    this.scroller.scrollTop += anchor.getBoundingClientRect().top - before;
    this.updateEarlier();
  }

  private showOlderIfNearTop(): void {
    if (this.firstShown === 0 || this.scroller.clientHeight === 0) return;
    if (this.scroller.scrollTop < this.scroller.clientHeight) this.showOlder();
  }

  private updateEarlier(): void {
    this.earlier.hidden = this.firstShown === 0;
    this.earlier.title = `${this.firstShown} earlier turns`;
  }

  private scrollToBottom(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.updateJump();
  }

  private onScroll(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    this.atBottom = scrollHeight - scrollTop - clientHeight <= bottomSlack;
    this.updateJump();
    this.showOlderIfNearTop();
    if (this.saveRequested) return;
    this.saveRequested = true;
    requestAnimationFrame(() => {
      this.saveRequested = false;
      this.state.update({
        scrollTop: this.scroller.scrollTop,
        atBottom: this.atBottom,
        shownTurns: this.slots.length - this.firstShown,
      });
    });
  }

  private updateJump(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    const hasMoreBelow = scrollHeight - scrollTop - clientHeight > bottomSlack;
    this.jump.hidden = this.atBottom || !hasMoreBelow;
  }
}
