// The conversation's total cost in the chat header: the sum of every answer's cost, with `~` when
// one of them is an estimate and a note for answers whose price is unknown (never counted as $0).
import type { FooterView, TurnView } from '../shared/protocol';
import { formatUsd } from '../shared/money';
import { el } from './dom';

export class ConversationCost {
  readonly element = el('span', { class: 'conversation-cost', tabindex: 0, role: 'status' });
  /** Footers in turn order (undefined while a turn streams or when it produced nothing). */
  private turns: { id: string; footer?: FooterView }[] = [];

  reset(turns: readonly TurnView[]): void {
    this.turns = turns.map((t) => ({ id: t.id, ...(t.footer ? { footer: t.footer } : {}) }));
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
    if (footer) entry.footer = footer;
    this.render();
  }

  truncateFrom(id: string): void {
    const at = this.turns.findIndex((t) => t.id === id);
    if (at >= 0) this.turns = this.turns.slice(0, at);
    this.render();
  }

  private render(): void {
    const footers = this.turns.map((t) => t.footer).filter((f): f is FooterView => f !== undefined);
    const priced = footers.filter((f) => f.costUsd !== undefined);
    const unpriced = footers.length - priced.length;
    if (footers.length === 0) {
      this.element.textContent = '';
      this.element.hidden = true;
      return;
    }
    const usd = priced.reduce((sum, f) => sum + (f.costUsd ?? 0), 0);
    const est = priced.some((f) => f.estimated) ? '~' : '';
    const text = `${est}${formatUsd(usd)}${unpriced > 0 ? '+' : ''}`;
    const note = unpriced > 0 ? `; ${unpriced} without a known price (set thinkfast.priceOverrides)` : '';
    this.element.hidden = false;
    this.element.textContent = text;
    this.element.title = `This conversation: ${text} over ${footers.length} answer${footers.length === 1 ? '' : 's'}${note}`;
    this.element.setAttribute('aria-label', this.element.title);
  }
}
