// The conversation's total cost in the chat header: the sum of every answer's cost, with `~` when
// one of them is an estimate and a note for answers whose price is unknown (never counted as $0).
import type { FooterView, TurnCost, TurnStub, TurnView } from '../shared/protocol';
import { formatUsd } from '../shared/money';
import { turnCost } from '../shared/turnPages';
import { el } from './dom';

export class ConversationCost {
  readonly element = el('span', { class: 'conversation-cost', tabindex: 0, role: 'status' });
  /** Costs in turn order (undefined while a turn streams or when it produced nothing). */
  private turns: { id: string; cost?: TurnCost }[] = [];

  /** A conversation opened: the stubs of its older turns, then its last turns in full. */
  reset(earlier: readonly TurnStub[], turns: readonly TurnView[]): void {
    this.turns = [...earlier, ...turns.map((t) => ({ id: t.id, ...costOf(t.footer) }))];
    this.render();
  }

  /** A turn starts (or restarts): it has no cost yet. */
  start(id: string): void {
    const at = this.turns.findIndex((t) => t.id === id);
    if (at >= 0) this.turns[at] = { id };
    else this.turns.push({ id });
    this.render();
  }

  end(id: string, footer: FooterView | undefined): void {
    const entry = this.turns.find((t) => t.id === id);
    if (!entry) return;
    if (footer) entry.cost = turnCost(footer);
    this.render();
  }

  truncateFrom(id: string): void {
    const at = this.turns.findIndex((t) => t.id === id);
    if (at >= 0) this.turns = this.turns.slice(0, at);
    this.render();
  }

  private render(): void {
    const costs = this.turns.map((t) => t.cost).filter((c): c is TurnCost => c !== undefined);
    const priced = costs.filter((c) => c.usd !== undefined);
    const unpriced = costs.length - priced.length;
    if (costs.length === 0) {
      this.element.textContent = '';
      this.element.hidden = true;
      return;
    }
    const usd = priced.reduce((sum, c) => sum + (c.usd ?? 0), 0);
    const est = priced.some((c) => c.estimated) ? '~' : '';
    const text = `${est}${formatUsd(usd)}${unpriced > 0 ? '+' : ''}`;
    const note = unpriced > 0 ? `; ${unpriced} without a known price (set thinkfast.priceOverrides)` : '';
    this.element.hidden = false;
    this.element.textContent = text;
    this.element.title = `This conversation: ${text} over ${costs.length} answer${costs.length === 1 ? '' : 's'}${note}`;
    this.element.setAttribute('aria-label', this.element.title);
  }
}

function costOf(footer: FooterView | undefined): { cost?: TurnCost } {
  return footer ? { cost: turnCost(footer) } : {};
}
