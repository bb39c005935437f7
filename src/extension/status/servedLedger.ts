// What finished responses said about speed and money: per model, how many fast requests in a row
// were served at standard speed (`usage.speed`), and the spend of the day. No vscode import.

import type { ResponseMetrics } from '../../anthropic/types';

/** After this many fast requests in a row served at standard speed, the speed item says so. */
export const standardServedStreak = 2;

export class ServedLedger {
  private readonly streaks = new Map<string, number>();
  private day = '';
  private dayUsd = 0;
  private dayResponses = 0;
  private dayUnpriced = 0;

  constructor(private readonly today: () => string = () => new Date().toISOString().slice(0, 10)) {}

  add(m: ResponseMetrics): void {
    if (m.requestedSpeed === 'fast' && !m.fellBack) {
      const served = m.speed ?? 'standard';
      this.streaks.set(m.model, served === 'standard' ? (this.streaks.get(m.model) ?? 0) + 1 : 0);
    }
    this.roll();
    this.dayResponses += 1;
    if (m.cost) this.dayUsd += m.cost.totalUsd;
    else this.dayUnpriced += 1;
  }

  /** True when `model`'s fast requests keep being served at standard speed. */
  standardServed(model: string): boolean {
    return (this.streaks.get(model) ?? 0) >= standardServedStreak;
  }

  /** Today's spend (local responses of this window), and how many responses had no known price. */
  dayTotal(): { usd: number; responses: number; unpriced: number } {
    this.roll();
    return { usd: this.dayUsd, responses: this.dayResponses, unpriced: this.dayUnpriced };
  }

  private roll(): void {
    const today = this.today();
    if (today === this.day) return;
    this.day = today;
    this.dayUsd = 0;
    this.dayResponses = 0;
    this.dayUnpriced = 0;
  }
}
