// The scrolling list of turns. Follows the stream while the user is at the bottom; once they
// scroll up it stays put and offers "Jump to latest". The scroll position is saved as view state.
//
// A long conversation opens with only its last turns rendered (enough to fill the view twice),
// and the host sends only its last turns in full (turnSlots.ts); older turns are rendered when the
// user scrolls near the top, or asks for them with the button at the top, keeping what is on
// screen in place, and asked from the host in pages when they are not here yet. Opening costs the
// same at 100 or 1,000 turns, and find-in-page finds what is rendered.
// Over 250 lines on purpose: following the stream, rendering older turns in place and restoring
// the saved position all move the same scroll state and the first rendered turn; what the list
// has of each turn, and asking the host for more, are in turnSlots.ts.
import type { TurnStub, TurnView } from '../shared/protocol';
import { maxTurnsPerPage } from '../shared/turnPages';
import { button, el } from './dom';
import type { ChatTurn } from './chatTurn';
import type { ViewStateStore } from './state';
import { TurnSlots } from './turnSlots';
import type { HostPort } from './vscodeApi';

/** Within this many pixels of the bottom counts as "at the bottom". */
const bottomSlack = 24;
/** Render at most this many older turns at once (each also stops once a screen is filled). */
const maxTurnsPerBatch = 20;

export class MessageList {
  readonly element: HTMLElement;
  readonly scroller: HTMLElement;
  private readonly turnsElement = el('div', { class: 'turns' });
  private readonly jump: HTMLButtonElement;
  private readonly earlier: HTMLButtonElement;
  private readonly slots: TurnSlots;
  /** slots[firstShown..] are rendered, in order; the ones before are not. */
  private firstShown = 0;
  /** A saved position to restore once the turns it was saved with are here. */
  private restoring: { readonly scrollTop: number; readonly shownTurns: number } | undefined;
  /** The user asked for older turns that were not here yet: show them when they come. */
  private wantOlder = false;
  private make: (view: TurnView) => ChatTurn = () => {
    throw new Error('reset() first');
  };
  private atBottom = true;
  private saveRequested = false;

  /** `empty` is shown while there are no turns (emptyState.ts); `host` answers `loadTurns`. */
  constructor(
    private readonly state: ViewStateStore,
    private readonly empty: HTMLElement,
    host: Pick<HostPort, 'post'>,
  ) {
    this.slots = new TurnSlots(host);
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
    const { slots } = this.slots;
    const turns: ChatTurn[] = [];
    for (let i = this.firstShown; i < slots.length; i++) turns.push(slots[i].turn!);
    return turns;
  }

  /** The rendered turn with this id (turns still streaming are always rendered). */
  find(id: string): ChatTurn | undefined {
    return this.slots.slots[this.slots.indexOf(id)]?.turn;
  }

  last(): ChatTurn | undefined {
    return this.slots.slots.at(-1)?.turn;
  }

  /**
   * Replaces everything (a conversation was loaded): `views` are its last turns, `earlier` the
   * ones before them, still at the host. Renders the last turns with `make`, the rest on demand;
   * restores the saved scroll once.
   */
  reset(
    conversationId: string,
    views: readonly TurnView[],
    earlier: readonly TurnStub[],
    make: (view: TurnView) => ChatTurn,
    restoreScroll: boolean,
  ): void {
    for (const turn of this.all) turn.dispose();
    this.make = make;
    this.slots.reset(conversationId, earlier, views);
    this.firstShown = this.slots.slots.length;
    this.restoring = undefined;
    this.wantOlder = false;
    this.turnsElement.replaceChildren();
    this.empty.hidden = this.firstShown > 0;
    const saved = this.state.current;
    if (restoreScroll && saved.atBottom === false && saved.scrollTop !== undefined) {
      // The same turns as when the position was saved (all of them, when saved by a version that
      // rendered every turn), so the same content is at the saved offset.
      this.restoring = { scrollTop: saved.scrollTop, shownTurns: saved.shownTurns ?? this.firstShown };
      this.atBottom = false;
      this.restore();
    } else {
      this.showFromBottom();
    }
  }

  /** A page of older turns from the host (the answer to the list's `loadTurns`, `replyTo`). */
  addOlder(page: Parameters<TurnSlots['accept']>[0], replyTo: number | undefined): void {
    if (this.slots.accept(page, replyTo) === 0) return;
    if (this.restoring) this.restore();
    else if (this.wantOlder) this.showOlder();
    else if (this.firstShown === this.slots.slots.length || this.atBottom) this.showFromBottom();
    else this.updateEarlier();
  }

  /** Adds a turn, or replaces the turn with the same id (a retried turn restarts). */
  upsert(turn: ChatTurn): void {
    const { slots } = this.slots;
    const existing = this.slots.indexOf(turn.id);
    if (existing >= this.firstShown) {
      const slot = slots[existing];
      slot.turn!.dispose();
      slot.turn!.element.replaceWith(turn.element);
      slots[existing] = { id: turn.id, view: turn.data, turn };
    } else if (existing >= 0) {
      // Not rendered: it will be, from its new view (or the host's), when scrolled to.
      turn.dispose();
      this.slots.refresh(turn.data, existing);
    } else {
      slots.push({ id: turn.id, view: turn.data, turn });
      this.turnsElement.append(turn.element);
      // Sending a prompt means the user wants to see the answer.
      this.atBottom = true;
    }
    this.empty.hidden = true;
    this.afterRender();
  }

  truncateFrom(turnId: string): void {
    const index = this.slots.indexOf(turnId);
    if (index < 0) return;
    for (const slot of this.slots.removeFrom(index)) {
      slot.turn?.dispose();
      slot.turn?.element.remove();
    }
    this.firstShown = Math.min(this.firstShown, index);
    this.showFromBottom(false);
    this.empty.hidden = index > 0;
  }

  /** Called after each frame's writes: keep following the stream if the user is at the bottom. */
  afterRender(): void {
    if (this.atBottom) this.scrollToBottom();
    this.updateJump();
  }

  /**
   * Renders up to `count` turns before the first rendered one, as far as they are here; returns
   * them. `count` turns more than are here asks the host for them.
   */
  private prepend(count: number, askFor = 0): ChatTurn[] {
    const { slots } = this.slots;
    const start = Math.max(this.slots.firstLoaded, this.firstShown - count);
    if (start > this.firstShown - count) this.slots.requestOlder(askFor || undefined);
    const turns: ChatTurn[] = [];
    for (let i = start; i < this.firstShown; i++) {
      const slot = slots[i];
      slot.turn = this.make(slot.view!);
      turns.push(slot.turn);
    }
    this.firstShown = Math.min(start, this.firstShown);
    this.turnsElement.prepend(...turns.map((t) => t.element));
    return turns;
  }

  /** At least the last turn, then older ones until two screens are filled, from the bottom. */
  private showFromBottom(scroll = true): void {
    if (this.firstShown === this.slots.slots.length) this.prepend(1);
    this.fill(2);
    this.updateEarlier();
    if (!scroll) return;
    this.atBottom = true;
    this.scrollToBottom();
  }

  /** The saved position, within as many of the last turns as were shown when it was saved. */
  private restore(): void {
    const { scrollTop, shownTurns } = this.restoring!;
    const missing = shownTurns - (this.slots.slots.length - this.firstShown);
    this.prepend(missing, Math.min(missing - (this.firstShown - this.slots.firstLoaded), maxTurnsPerPage));
    if (!this.slots.waiting) this.restoring = undefined;
    this.updateEarlier();
    this.scroller.scrollTop = scrollTop;
    this.updateJump();
  }

  /** Renders older turns until the rendered turns are `screens` views tall (or all are rendered). */
  private fill(screens: number): void {
    const target = screens * Math.max(this.scroller.clientHeight, 1);
    for (let n = 0; n < maxTurnsPerBatch && this.firstShown > 0; n++) {
      // No layout (the view is hidden): the ResizeObserver fills once it is shown.
      if (this.turnsElement.offsetHeight >= target || this.scroller.clientHeight === 0) break;
      if (this.prepend(1).length === 0) break;
    }
  }

  /** Renders about a screen of older turns above the first one, keeping the view where it is. */
  private showOlder(): void {
    const anchor = this.slots.slots[this.firstShown]?.turn?.element;
    if (!anchor) return;
    const before = anchor.getBoundingClientRect().top;
    const screen = Math.max(this.scroller.clientHeight, 1);
    let added = 0;
    this.wantOlder = false;
    for (let n = 0; n < maxTurnsPerBatch && this.firstShown > 0 && added < screen; n++) {
      const turn = this.prepend(1)[0];
      if (!turn) {
        this.wantOlder = true; // asked for; shown when the page comes
        break;
      }
      added += turn.element.offsetHeight;
    }
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
        shownTurns: this.slots.slots.length - this.firstShown,
      });
    });
  }

  private updateJump(): void {
    const { scrollTop, scrollHeight, clientHeight } = this.scroller;
    const hasMoreBelow = scrollHeight - scrollTop - clientHeight > bottomSlack;
    this.jump.hidden = this.atBottom || !hasMoreBelow;
  }
}
